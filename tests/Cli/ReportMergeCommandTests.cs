using FaultLab.Load;

namespace FaultLab.Cli.Tests;

[FaultLab.Tests.Shared.MachineWideTiming]
public sealed class ReportMergeCommandTests
{
    /// <summary>Three agents' JSON reports of one schedule (30 arrivals/s for 1 s; agent 2 fails every call).</summary>
    private static async Task<string[]> AgentReportsAsync(double minSuccessRate, double rate = 30)
    {
        var folder = CliRun.TempFolder();
        var start = DateTimeOffset.UtcNow.AddMilliseconds(400);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => LoadTest.RunAsync(
            new LoadTestOptions { ConsoleOutput = ConsoleOutput.Silent, Agent = new LoadAgent(i, 3, start), ReportsFolder = folder },
            Scenario.Create("orders", _ => Task.FromResult(i == 2 ? Response.Fail(503) : Response.Ok(200)))
                .WithLoadSimulations(Simulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
                .WithThresholds(Threshold.SuccessRate(minSuccessRate)))));
        return Enumerable.Range(0, 3).Select(i => Path.Combine(folder, $"load-report.agent-{i}-of-3.json")).ToArray();
    }

    [Fact]
    public async Task Merges_three_agents_into_one_report_and_exits_0_when_the_merged_thresholds_pass()
    {
        var agents = await AgentReportsAsync(minSuccessRate: 0.6);
        var output = CliRun.TempFolder();

        var (exit, stdout, error) = await CliRun.RunAsync(["report", "merge", .. agents, "-o", output]);

        Assert.True(exit == 0, stdout + error);
        Assert.Contains("Merged 3 agents (schedule ", stdout);
        Assert.Contains("orders: 30 requests (ok 20, fail 10, dropped 0)", stdout);
        Assert.Contains("  pass success rate >= 60.00 %: actual 66.67 %", stdout);
        Assert.Contains("Thresholds passed.", stdout);
        foreach (var extension in new[] { "html", "md", "json", "hlog" })
        {
            Assert.True(File.Exists(Path.Combine(output, "merged-report." + extension)), extension);
            Assert.Contains($"report: {Path.Combine(output, "merged-report." + extension)}", stdout);
        }
    }

    [Fact]
    public async Task Exits_1_when_the_merged_result_fails_a_threshold_that_two_agents_passed()
    {
        var agents = await AgentReportsAsync(minSuccessRate: 0.9);

        var (exit, stdout, _) = await CliRun.RunAsync(["report", "merge", .. agents, "-o", CliRun.TempFolder()]);

        Assert.Equal(1, exit);
        Assert.Contains("  FAIL success rate >= 90.00 %: actual 66.67 %", stdout);
        Assert.Contains("Thresholds FAILED.", stdout);
    }

    [Fact]
    public async Task Missing_duplicate_or_foreign_agents_exit_2_with_a_clear_message()
    {
        var agents = await AgentReportsAsync(minSuccessRate: 0.5);
        var other = await AgentReportsAsync(minSuccessRate: 0.5, rate: 31);

        var missing = await CliRun.RunAsync("report", "merge", agents[0], agents[2], "-o", CliRun.TempFolder());
        Assert.Equal(2, missing.Exit);
        Assert.Equal($"error: Agent(s) 1 of 3 missing: got 2 result(s) ({agents[0]}, {agents[2]}); a merge needs every agent's report.", missing.Error.Trim());

        var twice = await CliRun.RunAsync("report", "merge", agents[0], agents[1], agents[1], agents[2], "-o", CliRun.TempFolder());
        Assert.Equal(2, twice.Exit);
        Assert.Equal($"error: Agent 1 is given 2 times: {agents[1]}, {agents[1]}.", twice.Error.Trim());

        var foreign = await CliRun.RunAsync("report", "merge", agents[0], agents[1], other[2], "-o", CliRun.TempFolder());
        Assert.Equal(2, foreign.Exit);
        Assert.StartsWith("error: The results come from different schedules", foreign.Error);
        Assert.Contains(other[2], foreign.Error);

        var garbage = CliRun.TempFile("{ not json");
        var unreadable = await CliRun.RunAsync("report", "merge", garbage, "-o", CliRun.TempFolder());
        Assert.Equal(2, unreadable.Exit);
        Assert.StartsWith($"error: {garbage}: not a FaultLab.Load JSON report (", unreadable.Error);
        Assert.DoesNotContain("   at ", unreadable.Error); // a message, never a stack trace
    }

    [Fact]
    public async Task Without_an_output_folder_the_command_is_refused()
    {
        var (exit, _, error) = await CliRun.RunAsync("report", "merge", "a.json");

        Assert.Equal(2, exit);
        Assert.Contains("--output", error);
    }
}
