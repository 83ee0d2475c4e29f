namespace FaultLab.Load.Tests.Distributed;

public sealed class MergeTests
{
    /// <summary>Agent 0 answers at once; agent 1 takes 40 ms for a tenth of its calls and fails the others' success rule.</summary>
    private static Scenario Step(int agent, bool failSome) => Scenario.Create("merge", async ctx =>
        {
            if (agent == 1 && ctx.Iteration % 10 == 0)
            {
                await Task.Delay(40, ctx.CancellationToken);
            }

            return failSome && agent == 1 && ctx.Iteration % 2 == 0 ? Response.Fail(503, tag: "b") : Response.Ok(200, tag: agent == 0 ? "a" : "b");
        })
        .WithLoadSimulations(Simulation.Inject(40, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
        .WithThresholds(Threshold.SuccessRate(0.8), Threshold.Percentile(99, TimeSpan.FromSeconds(5)));

    private static async Task<LoadTestResult[]> RunAgentsAsync(bool failSome, string? folder = null)
    {
        var start = AgentOptions.SoonAfterNow();
        return await Task.WhenAll(Enumerable.Range(0, 2).Select(i => LoadTest.RunAsync(AgentOptions.For(i, 2, start, folder), Step(i, failSome))));
    }

    [Fact]
    public async Task Counts_are_sums_and_percentiles_come_from_the_summed_histograms()
    {
        var agents = await RunAgentsAsync(failSome: false);

        var merged = LoadResultMerge.Merge(agents);

        var stats = merged["merge"].Stats;
        Assert.Equal(40, stats.Count);
        Assert.Equal(agents.Sum(a => a["merge"].Stats.Ok), stats.Ok);
        Assert.Equal([20, 20], agents.Select(a => a["merge"].Stats.Count));
        var expected = Histograms.NewHistogram();
        foreach (var agent in agents)
        {
            expected.Add(agent["merge"].Stats.Histogram!);
        }

        Assert.Equal(LatencyStats.FromHistogram(expected), stats.Latency);
        // 2 slow calls of 40 in all: the merged p99 is a slow one, p50 a fast one. An average of the agents' p99s
        // (agent 0's is under a millisecond) would land near half of agent 1's, about 20 ms. The bound sits between
        // the two, not at 40: Task.Delay(40) measured 38.975 ms once in CI (timer granularity on a shared machine).
        Assert.True(stats.Latency.P99Ms >= 30, $"p99 {stats.Latency.P99Ms} ms");
        Assert.True(stats.Latency.P50Ms < 20, $"p50 {stats.Latency.P50Ms} ms");
        Assert.Equal(20, stats.FindTag("a")!.Count);
        Assert.Equal(agents.Sum(a => a["merge"].Timeline.Sum(p => p.Count)), merged["merge"].Timeline.Sum(p => p.Count));
        Assert.Equal([0, 1], merged.MergedAgents.Select(a => a.Index));
        Assert.Equal(agents[0].ScheduleFingerprint, merged.ScheduleFingerprint);
        Assert.True(merged.Passed);
        Assert.Contains(merged["merge"].Sections, s => s.Title.StartsWith("Agents", StringComparison.Ordinal) && s.Rows.Count == 2);
    }

    [Fact]
    public async Task Thresholds_are_judged_again_on_the_merged_numbers()
    {
        var agents = await RunAgentsAsync(failSome: true);
        Assert.True(agents[0]["merge"].Passed);
        Assert.False(agents[1]["merge"].Passed); // 50 % success on its own

        var merged = LoadResultMerge.Merge(agents);

        var rule = merged["merge"].Thresholds[0];
        Assert.Equal("success rate >= 80.00 %", rule.Rule);
        Assert.Equal("75.00 %", rule.Actual);     // 30 ok of 40 over both agents: agent 0 alone passes, agent 1 alone fails
        Assert.False(rule.Passed);
        Assert.Equal(1, merged.ExitCode);

        var lenient = LoadResultMerge.Merge(agents, new Dictionary<string, IReadOnlyList<Threshold>> { ["merge"] = [Threshold.SuccessRate(0.7)] });
        Assert.True(lenient.Passed);
        Assert.Equal(0, lenient.ExitCode);
    }

    [Fact]
    public async Task Writes_html_markdown_json_and_interval_log_and_the_merged_json_reads_back()
    {
        var folder = Directory.CreateTempSubdirectory("faultlab-merge-").FullName;
        await RunAgentsAsync(failSome: false, folder);
        var files = Directory.GetFiles(folder, "*.agent-*.json");
        Assert.Equal(2, files.Length);

        var merged = LoadResultMerge.MergeAndWrite(files, Path.Combine(folder, "merged"));

        Assert.Equal(["merged-report.md", "merged-report.json", "merged-report.html", "merged-report.csv", "merged-report.txt", "merged-report.hlog"], merged.ReportFiles.Select(Path.GetFileName));
        var html = File.ReadAllText(Path.Combine(folder, "merged", "merged-report.html"));
        Assert.Contains("Agents (each agent", html);
        var log = HdrIntervalLogReader.Read(Path.Combine(folder, "merged", "merged-report.hlog"));
        Assert.Equal(40, HdrIntervalLogReader.Sum(log, "merge").TotalCount);
        var json = File.ReadAllText(Path.Combine(folder, "merged", "merged-report.json"));
        Assert.Contains("\"mergedAgents\": [", json);
    }

    [Fact]
    public async Task Missing_duplicate_and_foreign_agents_are_refused_with_the_files_named()
    {
        var folder = Directory.CreateTempSubdirectory("faultlab-merge-bad-").FullName;
        await RunAgentsAsync(failSome: false, folder);
        var agent0 = Path.Combine(folder, "load-report.agent-0-of-2.json");
        var agent1 = Path.Combine(folder, "load-report.agent-1-of-2.json");

        var missing = Assert.Throws<AgentResultsException>(() => LoadResultMerge.Merge([agent0]));
        Assert.Equal($"Agent(s) 1 of 2 missing: got 1 result(s) ({agent0}); a merge needs every agent's report.", missing.Message);

        var twice = Assert.Throws<AgentResultsException>(() => LoadResultMerge.Merge([agent0, agent1, agent0]));
        Assert.Equal($"Agent 0 is given 2 times: {agent0}, {agent0}.", twice.Message);

        var other = Path.Combine(folder, "other.json");
        File.WriteAllText(other, File.ReadAllText(agent1).Replace(
            $"\"scheduleFingerprint\": \"{AgentFingerprint(agent1)}\"", "\"scheduleFingerprint\": \"0000000000000000\"", StringComparison.Ordinal));
        var foreign = Assert.Throws<AgentResultsException>(() => LoadResultMerge.Merge([agent0, other]));
        Assert.StartsWith("The results come from different schedules (scenarios, load phases or thresholds differ): schedule ", foreign.Message);
        Assert.Contains("0000000000000000: " + other, foreign.Message);

        var single = (await Quiet.RunAsync(Step(0, failSome: false)));
        var notAgent = Path.Combine(folder, "single.json");
        File.WriteAllText(notAgent, JsonReport.Render(single));
        var plain = Assert.Throws<AgentResultsException>(() => LoadResultMerge.Merge([agent0, notAgent]));
        Assert.Equal($"{notAgent}: not an agent's result (no \"agent\" block): run each agent with LoadTestOptions.Agent or FAULTLAB_AGENT_INDEX/FAULTLAB_AGENT_COUNT.", plain.Message);

        var absent = Path.Combine(folder, "absent.json");
        Assert.StartsWith($"{absent}: cannot be read (", Assert.Throws<AgentResultsException>(() => LoadResultMerge.Merge([absent])).Message);
    }

    private static string AgentFingerprint(string path) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("scheduleFingerprint").GetString()!;
}
