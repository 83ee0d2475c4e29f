namespace FaultLab.Load.Tests;

public sealed class ConsoleOutputTests
{
    [Theory]
    [InlineData(ConsoleOutput.Summary)]
    [InlineData(ConsoleOutput.Live)]
    public async Task Console_modes_render_without_failing(ConsoleOutput mode)
    {
        var scenario = Scenario.Create("console-" + mode, _ => Task.FromResult(Response.Ok(200, tag: "t")))
            .WithLoadSimulations(Simulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5)))
            .WithThresholds(Threshold.SuccessRate(0.99));
        var result = await LoadTest.RunAsync(new LoadTestOptions { ConsoleOutput = mode }, scenario);
        Assert.True(result.Passed);
        result.EnsureThresholdsPassed();
    }
}
