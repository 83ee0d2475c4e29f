namespace FaultLab.Cli.Tests;

[FaultLab.Tests.Shared.MachineWideTiming]
public sealed class RunCommandTests
{
    [Fact]
    public async Task A_hypothesis_that_holds_exits_0()
    {
        string experiment = CliRun.TempFile("""
        {
          "Resilience": "StandardWithFallback",
          "Load": { "Rate": 20, "Duration": "00:00:03" },
          "Hypothesis": { "MinSuccessRate": 0.99 },
          "FaultProfile": { "Seed": 3, "Faults": [ { "Kind": "Outage", "Failure": "ConnectionRefused", "Schedule": { "Start": "00:00:01", "Duration": "00:00:01" } } ] }
        }
        """);

        var (exit, output, error) = await CliRun.RunAsync("run", experiment, "--report", CliRun.TempFolder());

        Assert.True(exit == 0, output + error);
        Assert.Contains("held   success rate", output);
        Assert.Contains("Hypothesis held.", output);
    }

    [Fact]
    public async Task A_hypothesis_that_fails_exits_1_and_says_which_rule_by_how_much()
    {
        string experiment = CliRun.TempFile("""
        {
          "Resilience": "None",
          "Load": { "Rate": 20, "Duration": "00:00:02" },
          "Hypothesis": { "MinSuccessRate": 0.99 },
          "FaultProfile": { "Seed": 3, "Faults": [ { "Kind": "Status", "StatusCode": 500, "InjectionRate": 0.5 } ] }
        }
        """);

        var (exit, output, _) = await CliRun.RunAsync("run", experiment, "--report", CliRun.TempFolder());

        Assert.Equal(1, exit);
        Assert.Contains("FAILED success rate", output);
        Assert.Contains("Hypothesis did NOT hold.", output);
    }

    [Fact]
    public async Task An_unreachable_target_is_bad_input()
    {
        string experiment = CliRun.TempFile("""
        { "Target": "http://127.0.0.1:1", "Load": { "Rate": 1, "Duration": "00:00:01" }, "FaultProfile": { "Faults": [] } }
        """);

        var (exit, _, error) = await CliRun.RunAsync("run", experiment);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: Target http://127.0.0.1:1/ is unreachable", error);
    }

    [Fact]
    public async Task An_invalid_experiment_is_rejected_before_any_load()
    {
        string experiment = CliRun.TempFile("""{ "Load": { "Rate": 0 }, "Resilience": "Magic" }""");

        var (exit, _, error) = await CliRun.RunAsync("run", experiment);

        Assert.Equal(2, exit);
        Assert.Contains("$.Load.Rate: must be positive", error);
        Assert.Contains("$.Resilience: unknown value 'Magic'", error);
    }
}
