using HdrHistogram;
using static FaultLab.Load.Tests.Units.StatsFixtures;

namespace FaultLab.Load.Tests.Units;

/// <summary>
/// Merges of agents' results built by hand (through their JSON form, as files would go): every sum, summed-histogram
/// percentile, timeline second and refusal message is known in advance. No load is run.
/// </summary>
public sealed class MergeArithmeticTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_are_sums_and_every_percentile_comes_from_the_summed_histograms()
    {
        var merged = LoadResultMerge.Merge([Agent1(), Agent0()]).Scenarios.Single();
        var stats = merged.Stats;

        Assert.Equal(("s", 12.0, 10L, 7L, 3L, 3L, 1100L), (stats.ScenarioName, stats.DurationSeconds, stats.Count, stats.Ok, stats.Fail, stats.Dropped, stats.Bytes));
        // Corrected: 100, 200 | 300, 400, 500 µs. Measured: 100, 150 | 300 µs. Lag: 10 | 20, 30 µs.
        Assert.Equal((5L, 0.1, 0.3, 0.5), (stats.Latency.Count, stats.Latency.MinMs, stats.Latency.P50Ms, stats.Latency.MaxMs));
        Assert.Equal((3L, 0.15, 0.3), (stats.LatencyMeasured.Count, stats.LatencyMeasured.P50Ms, stats.LatencyMeasured.MaxMs));
        Assert.Equal((3L, 0.02, 0.03), (stats.ScheduleLag.Count, stats.ScheduleLag.P50Ms, stats.ScheduleLag.MaxMs));
        Assert.Equal((5L, 3L, 3L), (stats.Histogram!.TotalCount, stats.MeasuredHistogram!.TotalCount, stats.ScheduleLagHistogram!.TotalCount));
        Assert.Equal((true, 3.5), (stats.CorrectionApplied, stats.CorrectionIntervalMs)); // count-weighted: (2 ms × 5 + 5 ms × 5) / 10
    }

    [Fact]
    public void Status_codes_and_tags_add_up_across_agents()
    {
        var stats = LoadResultMerge.Merge([Agent0(), Agent1()]).Scenarios.Single().Stats;

        Assert.Equal([(200, (string?)null, 5L, 5L, 0L), (null, "timeout", 2L, 0L, 2L), (404, null, 1L, 0L, 1L), (500, null, 1L, 0L, 1L)],
            stats.StatusCodes.Select(c => (c.StatusCode, c.Text, c.Count, c.Ok, c.Fail)));
        Assert.Equal([("a", 6L, 5L, 1L, 3L, 0.4), ("b", 2L, 2L, 0L, 1L, 0.9), ("c", 2L, 2L, 0L, 1L, 0.1)],
            stats.Tags.Select(t => (t.Tag, t.Count, t.Ok, t.Fail, t.Latency.Count, t.Latency.MaxMs)));
        Assert.Equal(3, stats.FindTag("a")!.Histogram!.TotalCount);
    }

    [Fact]
    public void The_timeline_is_added_second_by_second()
    {
        var merged = LoadResultMerge.Merge([Agent0(), Agent1()]).Scenarios.Single();

        Assert.Equal(3, merged.Timeline.Count);
        var first = merged.Timeline[0];
        Assert.Equal((0.0, 1.0, 7L, 6L, 1L, 2L, 7.0), (first.StartSeconds, first.LengthSeconds, first.Count, first.Ok, first.Fail, first.Dropped, first.Rps));
        Assert.Equal((0.2, 0.5, 0.5), (first.P50Ms, first.P99Ms, first.MaxMs)); // 100, 200 | 500 µs
        Assert.Equal(new Dictionary<string, long> { ["200"] = 6, ["500"] = 1 }, first.StatusCodes);
        var second = merged.Timeline[1];
        // Agent 0: 2 in 0.5 s (4/s) from 1.0 s; agent 1: 1 in 1 s from 1.1 s. Rates add; lengths average.
        Assert.Equal((1.0, 0.75, 3L, 5.0, 0.3), (second.StartSeconds, second.LengthSeconds, second.Count, second.Rps, second.MaxMs));
        var third = merged.Timeline[2];
        Assert.Equal((2.0, 0.0, 0L, 0.0, 0.0, 0.0), (third.StartSeconds, third.LengthSeconds, third.Count, third.Rps, third.P99Ms, third.MaxMs));
        Assert.Equal([("s", 0.0, 1.0, 3L), ("s", 1.0, 0.75, 3L), ("s", 2.0, 0.0, 0L)],
            merged.Intervals.Select(i => (i.Tag, i.StartSeconds, i.LengthSeconds, i.Histogram.TotalCount)));
    }

    [Fact]
    public void The_run_spans_the_agents_and_lists_them_by_index()
    {
        var result = LoadResultMerge.Merge([Agent1(), Agent0()]);

        Assert.Equal(Start, result.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(13), result.Duration); // agent 1 started 1 s later and ran 12 s
        Assert.Null(result.Agent);
        Assert.Equal("fp", result.ScheduleFingerprint);
        Assert.Equal([0, 1], result.MergedAgents.Select(a => a.Index));
        Assert.Equal(Start, result.Scenarios[0].MeasuredStartedAt);
        Assert.Equal(["Inject 1 per 1 s during 1 s"], result.Scenarios[0].Simulations);
    }

    [Fact]
    public void Built_in_thresholds_are_judged_again_on_the_merged_numbers_and_custom_ones_fail_unjudged()
    {
        var merged = LoadResultMerge.Merge([Agent0(), Agent1()]).Scenarios.Single();

        // Agent 0 judged its own 3 of 5; the merge judges 7 of 10.
        Assert.Equal(["success rate >= 75.00 %", "dropped <= 3", "mine"], merged.Thresholds.Select(t => t.Rule));
        Assert.Equal((false, "70.00 %"), (merged.Thresholds[0].Passed, merged.Thresholds[0].Actual));
        Assert.Equal((true, "under by 0"), (merged.Thresholds[1].Passed, merged.Thresholds[1].Margin));
        Assert.Equal((false, "not evaluated", "a custom rule cannot be read from a file: merge in code with LoadResultMerge.Merge(files, thresholds)"),
            (merged.Thresholds[2].Passed, merged.Thresholds[2].Actual, merged.Thresholds[2].Margin));
        Assert.Equal("true", merged.Thresholds[2].Expected);
    }

    [Fact]
    public void Thresholds_given_in_code_replace_the_files_rules()
    {
        var rules = new Dictionary<string, IReadOnlyList<Threshold>> { ["s"] = [Threshold.Custom("ten", s => s.Count == 10)] };

        var merged = LoadResultMerge.Merge([Agent0(), Agent1()], rules).Scenarios.Single();

        Assert.Equal([("ten", true)], merged.Thresholds.Select(t => (t.Rule, t.Passed)));
        Assert.Equal(3, LoadResultMerge.Merge([Agent0(), Agent1()], new Dictionary<string, IReadOnlyList<Threshold>>()).Scenarios[0].Thresholds.Count);
    }

    [Fact]
    public void Aborts_metrics_markers_and_sections_are_kept_per_agent()
    {
        var merged = LoadResultMerge.Merge([Agent0(abort: "too slow"), Agent1(abort: "too many errors")]).Scenarios.Single();

        Assert.Equal("agent 0: too slow; agent 1: too many errors", merged.AbortReason);
        Assert.Equal(new Dictionary<string, double> { ["agent 0: retries"] = 1.5, ["agent 1: retries"] = 2.5 }, merged.CustomMetrics);
        Assert.Equal([(0.5, "agent 0: open", "cb"), (1.5, "agent 1: open", "cb")], merged.Markers.Select(m => (m.AtSeconds, m.Label, m.Category)));
        Assert.Equal(["Agents (each agent's own numbers; the tables above are the merge)", "agent 0: extra", "agent 1: extra"], merged.Sections.Select(s => s.Title));
        Assert.Null(LoadResultMerge.Merge([Agent0(), Agent1()]).Scenarios[0].AbortReason);
    }

    [Fact]
    public void The_agents_section_lists_each_agent_own_numbers()
    {
        var section = LoadResultMerge.Merge([Agent0(), Agent1()]).Scenarios[0].Sections[0];

        Assert.Equal(["agent", "start instant", "late start", "requests", "ok", "fail", "dropped", "p50 ms", "p99 ms"], section.Columns);
        Assert.Equal(["0 of 2", "2026-12-01T10:00:00.000Z", "0.000 s", "5", "3", "2", "1", "0.100", "0.200"], section.Rows[0]);
        Assert.Equal(["1 of 2", "2026-12-01T10:00:00.000Z", "0.250 s", "5", "4", "1", "2", "0.400", "0.500"], section.Rows[1]);
    }

    [Fact]
    public void Agents_without_a_start_instant_show_none()
    {
        var section = LoadResultMerge.Merge([Agent0(noStart: true), Agent1(noStart: true)]).Scenarios[0].Sections[0];

        Assert.Equal("none", section.Rows[0][1]);
    }

    [Fact]
    public void Corrected_agents_without_completions_give_a_zero_interval_not_nan()
    {
        var merged = LoadResultMerge.Merge([Agent0(empty: true), Agent1(empty: true)]).Scenarios[0].Stats;

        Assert.Equal((true, 0.0), (merged.CorrectionApplied, merged.CorrectionIntervalMs));
        Assert.Equal((false, 0.0), (Merge(corrected: false).CorrectionApplied, Merge(corrected: false).CorrectionIntervalMs));

        static ScenarioStats Merge(bool corrected) =>
            LoadResultMerge.Merge([Agent0(corrected: corrected), Agent1(corrected: corrected)]).Scenarios[0].Stats;
    }

    [Fact]
    public void Results_that_are_not_one_run_are_refused_naming_them()
    {
        Assert.Equal("No agent results to merge: give one JSON report per agent.",
            Assert.Throws<AgentResultsException>(() => LoadResultMerge.Merge(Array.Empty<LoadTestResult>())).Message);
        Assert.Equal("The results come from different schedules (scenarios, load phases or thresholds differ): schedule fp: result #1; schedule other: result #2.",
            Refusal(Agent0(), Agent1(fingerprint: "other")));
        Assert.Equal("The results disagree on the number of agents: 2 agents in result #1; 3 agents in result #2.",
            Refusal(Agent0(), Agent1(agents: 3)));
        Assert.Equal("The results have different start instants, so their timelines do not line up: 2026-12-01T10:00:00.000Z in result #1; no start instant in result #2.",
            Refusal(Agent0(), Agent1(noStart: true)));
        Assert.Equal("Agent 0 is given 2 times: result #1, result #2.", Refusal(Agent0(), Agent0()));
        Assert.Equal("Agent(s) 1 of 2 missing: got 1 result(s) (result #1); a merge needs every agent's report.", Refusal(Agent0()));
        Assert.Equal("Agent(s) 1, 2 of 3 missing: got 1 result(s) (result #1); a merge needs every agent's report.", Refusal(Agent0(agents: 3)));
        Assert.Equal("result #2: has no scenario 's'.", Refusal(Agent0(), Agent1(name: "t")));
    }

    [Fact]
    public void Reports_that_are_not_agent_results_are_refused_naming_the_file()
    {
        var good = JsonReport.Render(Agent0());

        Assert.StartsWith("f.json: not a FaultLab.Load JSON report (", Unreadable("{"));
        Assert.Equal("f.json: not a FaultLab.Load JSON report (no scenarios).", Unreadable("{}"));
        Assert.Equal("f.json: not a FaultLab.Load JSON report (no scenarios).", Unreadable("null"));
        Assert.Equal("f.json: not an agent's result (no \"agent\" block): run each agent with LoadTestOptions.Agent or FAULTLAB_AGENT_INDEX/FAULTLAB_AGENT_COUNT.",
            Unreadable(JsonReport.Render(new LoadTestResult(Start, TimeSpan.FromSeconds(1), Agent0().Scenarios, "fp"))));
        Assert.Equal("f.json: has no \"scheduleFingerprint\"; it was written by an older FaultLab.Load.", Unreadable(good.Replace("\"scheduleFingerprint\": \"fp\"", "\"scheduleFingerprint\": \"\"", StringComparison.Ordinal)));
        Assert.Equal("f.json: scenario 's' has no histograms (or not one per timeline point); it was written by an older FaultLab.Load.",
            Unreadable(good.Replace("\"histograms\":", "\"ignored\":", StringComparison.Ordinal)));
        var oneIntervalShort = System.Text.Json.Nodes.JsonNode.Parse(good)!;
        oneIntervalShort["scenarios"]![0]!["histograms"]!["intervals"]!.AsArray().RemoveAt(0);
        Assert.Equal("f.json: scenario 's' has no histograms (or not one per timeline point); it was written by an older FaultLab.Load.", Unreadable(oneIntervalShort.ToJsonString()));
        var noStats = System.Text.Json.Nodes.JsonNode.Parse(good)!;
        noStats["scenarios"]![0]!.AsObject().Remove("stats");
        Assert.Equal("f.json: scenario 's' has no histograms (or not one per timeline point); it was written by an older FaultLab.Load.", Unreadable(noStats.ToJsonString()));

        var parsed = AgentResultFile.Parse(good, "f.json");
        Assert.Equal(("f.json", "fp", new AgentRun(0, 2, Start, 0), 10.0), (parsed.Path, parsed.ScheduleFingerprint, parsed.Agent, parsed.DurationSeconds));
    }

    [Fact]
    public void An_unreadable_file_is_named_with_the_cause()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"faultlab-missing-{Guid.NewGuid():N}.json");

        var ex = Assert.Throws<AgentResultsException>(() => AgentResultFile.Read(missing));

        Assert.StartsWith($"{missing}: cannot be read (Could not find file", ex.Message);
        Assert.IsType<FileNotFoundException>(ex.InnerException);
    }

    private static string Refusal(params LoadTestResult[] results) =>
        Assert.Throws<AgentResultsException>(() => LoadResultMerge.Merge(results)).Message;

    private static string Unreadable(string json) =>
        Assert.Throws<AgentResultsException>(() => AgentResultFile.Parse(json, "f.json")).Message;

    /// <summary>Agent 0: 3 ok, 2 failed (5 completions over 2 s of timeline, 10 s run), corrected at 2 ms.</summary>
    private static LoadTestResult Agent0(string? abort = null, bool noStart = false, bool corrected = true, int agents = 2, bool empty = false)
    {
        var stats = new ScenarioStats
        {
            ScenarioName = "s",
            DurationSeconds = 10,
            Count = 5, Ok = 3, Fail = 2, Dropped = 1, Bytes = 1000,
            Histogram = Micros(100, 200),
            MeasuredHistogram = Micros(100, 150),
            ScheduleLagHistogram = Micros(10),
            Latency = LatencyStats.FromHistogram(Micros(100, 200)),
            CorrectionApplied = corrected,
            CorrectionIntervalMs = 2,
            StatusCodes = [new StatusCodeStats(200, 3, 3, 0), new StatusCodeStats(500, 1, 0, 1), new StatusCodeStats(null, 1, 0, 1) { Text = "timeout" }],
            Tags = [Tag("a", 2, 1, Micros(100, 200)), Tag("c", 2, 0, Micros(100))],
        };
        stats = empty ? stats with { Count = 0 } : stats;
        TimelinePoint[] timeline =
        [
            new() { StartSeconds = 0, LengthSeconds = 1, Count = 3, Ok = 3, Fail = 0, Dropped = 1, Rps = 3, StatusCodes = new Dictionary<string, long> { ["200"] = 3 } },
            new() { StartSeconds = 1, LengthSeconds = 0.5, Count = 2, Ok = 0, Fail = 2, StatusCodes = new Dictionary<string, long> { ["500"] = 1, ["timeout"] = 1 } },
        ];
        return Result(0, agents, noStart, Start, 10, stats, timeline, [Micros(100, 200), Micros(150, 250)], abort, "fp",
            [Threshold.SuccessRate(0.75).Evaluate(stats), Threshold.Dropped(3).Evaluate(stats), Threshold.Custom("mine", _ => true).Evaluate(stats)]);
    }

    /// <summary>Agent 1: 4 ok, 1 failed over 3 points of timeline, started 1 s later and ran 12 s, corrected at 5 ms.</summary>
    private static LoadTestResult Agent1(string? abort = null, bool noStart = false, bool corrected = true, int agents = 2,
        string fingerprint = "fp", string name = "s", bool empty = false)
    {
        var stats = new ScenarioStats
        {
            ScenarioName = name,
            DurationSeconds = 12,
            Count = 5, Ok = 4, Fail = 1, Dropped = 2, Bytes = 100,
            Histogram = Micros(300, 400, 500),
            MeasuredHistogram = Micros(300),
            ScheduleLagHistogram = Micros(20, 30),
            Latency = LatencyStats.FromHistogram(Micros(300, 400, 500)),
            CorrectionApplied = corrected,
            CorrectionIntervalMs = 5,
            StatusCodes = [new StatusCodeStats(200, 2, 2, 0), new StatusCodeStats(null, 1, 0, 1) { Text = "timeout" }, new StatusCodeStats(404, 1, 0, 1)],
            Tags = [Tag("a", 3, 0, Micros(400)), Tag("b", 2, 0, Micros(900))],
        };
        stats = empty ? stats with { Count = 0 } : stats;
        TimelinePoint[] timeline =
        [
            new() { StartSeconds = 0.1, LengthSeconds = 1, Count = 4, Ok = 3, Fail = 1, Dropped = 1, StatusCodes = new Dictionary<string, long> { ["200"] = 3, ["500"] = 1 } },
            new() { StartSeconds = 1.1, LengthSeconds = 1, Count = 1, Ok = 1 },
            new() { StartSeconds = 2.0, LengthSeconds = 0, Count = 0 }, // a zero-length point adds no rate
        ];
        return Result(1, agents, noStart, Start.AddSeconds(1), 12, stats, timeline, [Micros(500), Micros(300), Micros()], abort, fingerprint, [], lateStart: 0.25);
    }

    private static LoadTestResult Result(int index, int count, bool noStart, DateTimeOffset startedAt, double seconds, ScenarioStats stats,
        TimelinePoint[] timeline, HistogramBase[] intervals, string? abort, string fingerprint, IReadOnlyList<ThresholdResult> thresholds, double lateStart = 0)
    {
        var scenario = new ScenarioResult(stats, timeline, thresholds,
            intervals.Select((h, i) => new IntervalHistogram(stats.ScenarioName, i, 1, h)).ToList(),
            (IReadOnlyList<string>)["Inject 1 per 1 s during 1 s"], abort, Start);
        scenario.SetMetric("retries", index + 1.5);
        scenario.AddMarker(TimeSpan.FromSeconds(index + 0.5), "open", "cb");
        scenario.AddSection(new ReportSection("extra", ["k"], [["v"]]));
        return new LoadTestResult(startedAt, TimeSpan.FromSeconds(seconds), [scenario], fingerprint,
            new AgentRun(index, count, noStart ? null : Start, lateStart));
    }
}
