namespace FaultLab.Load.Tests;

internal static class Quiet
{
    public static LoadTestOptions Options => new() { ConsoleOutput = ConsoleOutput.Silent };

    public static Task<LoadTestResult> RunAsync(params Scenario[] scenarios) => LoadTest.RunAsync(Options, scenarios);
}
