using static FaultLab.Load.Tests.Units.StatsFixtures;

namespace FaultLab.Load.Tests.Units;

/// <summary>The tables every report renders, from hand-made results: exact cells, verdict words and number formats.</summary>
public sealed class ReportTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_summary_states_duration_counts_rates_drops_bytes_and_verdict()
    {
        var summary = ReportTables.For(Scenario(Stats())).First();

        Assert.Equal("Summary", summary.Title);
        Assert.Equal(["metric", "value"], summary.Columns);
        Assert.Equal(
        [
            ["duration", "2.50 s"], ["requests", "10 (ok 4, fail 6)"], ["success rate", "40.00 %"], ["rps", "4.0 (ok 1.6)"],
            ["dropped", "3"], ["bytes", "1234"], ["verdict", "no thresholds set"],
        ], summary.Rows);
    }

    [Fact]
    public void The_scenario_verdict_is_aborted_failed_passed_or_no_thresholds()
    {
        static string Verdict(ScenarioResult s) => ReportTables.For(s).First().Rows[^1][1];
        var pass = Threshold.Dropped(5).Evaluate(Stats());
        var fail = Threshold.Dropped(0).Evaluate(Stats());

        Assert.Equal("ABORTED: too slow", Verdict(Scenario(Stats(), [pass], abort: "too slow")));
        Assert.Equal("FAILED", Verdict(Scenario(Stats(), [pass, fail])));
        Assert.Equal("passed", Verdict(Scenario(Stats(), [pass])));
    }

    [Fact]
    public void The_run_verdict_is_failed_passed_or_no_thresholds()
    {
        var pass = Threshold.Dropped(5).Evaluate(Stats());
        var fail = Threshold.Dropped(0).Evaluate(Stats());

        Assert.Equal("FAILED", ReportTables.Verdict(Run(Scenario(Stats(), [pass]), Scenario(Stats("t"), [fail]))));
        Assert.Equal("PASSED", ReportTables.Verdict(Run(Scenario(Stats(), []), Scenario(Stats("t"), [pass]))));
        Assert.Equal("NO THRESHOLDS", ReportTables.Verdict(Run(Scenario(Stats(), []))));
        Assert.Equal("FAILED", ReportTables.Verdict(Run(Scenario(Stats(), [], abort: "stopped"))));
    }

    [Fact]
    public void The_distribution_line_names_the_agent_or_the_merge()
    {
        var scenarios = new[] { Scenario(Stats()) };

        Assert.Null(ReportTables.Distribution(new LoadTestResult(Start, TimeSpan.FromSeconds(1), scenarios, "abc")));
        Assert.Equal("Agent 1 of 3 (schedule abc): this report holds only this agent's slice; merge all agents with faultlab report merge.",
            ReportTables.Distribution(new LoadTestResult(Start, TimeSpan.FromSeconds(1), scenarios, "abc", new AgentRun(1, 3, null, 0))));
        Assert.Equal("Merged from 2 agents (schedule abc): counts are sums, percentiles come from the summed histograms, thresholds are judged on the merge.",
            ReportTables.Distribution(new LoadTestResult(Start, TimeSpan.FromSeconds(1), scenarios, "abc", null, [new AgentRun(0, 2, null, 0), new AgentRun(1, 2, null, 0)])));
    }

    [Fact]
    public void Thresholds_follow_the_summary_with_status_and_margin()
    {
        var verdicts = new[] { Threshold.Dropped(5).Evaluate(Stats()), Threshold.Dropped(1).Evaluate(Stats()) };

        var table = ReportTables.For(Scenario(Stats(), verdicts)).ElementAt(1);

        Assert.Equal("Thresholds", table.Title);
        Assert.Equal(["rule", "status", "actual", "expected", "margin"], table.Columns);
        Assert.Equal([["dropped <= 5", "pass", "3", "<= 5", "under by 2"], ["dropped <= 1", "FAIL", "3", "<= 1", "over by 2"]], table.Rows);
    }

    [Fact]
    public void Latency_is_one_row_in_the_open_model_and_corrected_plus_measured_in_the_closed_model()
    {
        var open = ReportTables.For(Scenario(Stats())).Single(t => t.Title.StartsWith("Latency", StringComparison.Ordinal));
        var closed = ReportTables.For(Scenario(Stats() with { CorrectionApplied = true, CorrectionIntervalMs = 12.3456, LatencyMeasured = LatencyStats.FromHistogram(Micros(100)) }))
            .Single(t => t.Title.StartsWith("Latency", StringComparison.Ordinal));

        Assert.Equal("Latency (open model: timed from the intended start, no coordinated omission)", open.Title);
        Assert.Equal(["latency (ms)", "min", "mean", "stddev", "p50", "p75", "p95", "p99", "p99.9", "max"], open.Columns);
        // 101 … 1100 µs, then one stall of 250 ms: values of 100 ms and more get one decimal, smaller ones three.
        Assert.Equal([["from intended start", "0.101", "0.850", "7.886", "0.601", "0.851", "1.051", "1.091", "1.100", "250.1"]], open.Rows);
        Assert.Equal("Latency (closed-model samples corrected for coordinated omission at an expected interval of 12.346 ms per copy; thresholds use the corrected row)", closed.Title);
        Assert.Equal(["corrected", "measured (raw)"], closed.Rows.Select(r => r[0]));
        Assert.Equal("0.100", closed.Rows[1][1]);
    }

    [Fact]
    public void Schedule_lag_status_codes_and_tags_get_their_tables_only_when_present()
    {
        var titles = ReportTables.For(Scenario(new ScenarioStats { ScenarioName = "s" })).Select(t => t.Title).ToList();
        var full = ReportTables.For(Scenario(Stats())).ToDictionary(t => t.Title.Split(' ')[0]);

        Assert.Equal(["Summary", "Latency (open model: timed from the intended start, no coordinated omission)"], titles);
        var lag = full["Open-model"];
        Assert.Equal("Open-model schedule lag (generator health: actual start minus intended start)", lag.Title);
        Assert.Equal(["p50", "p99", "max"], lag.Columns);
        Assert.Equal([["0.010", "0.020", "0.020"]], lag.Rows);
        var codes = full["Status"];
        Assert.Equal(["status", "count", "ok", "fail", "share"], codes.Columns);
        Assert.Equal(["200", "4", "4", "0", "40.0 %"], codes.Rows[0]);
        Assert.Equal(["500", "6", "0", "6"], codes.Rows[1].Take(4));
        Assert.Equal("60.0 %", codes.Rows[1][4]);
        var tags = full["Tags"];
        Assert.Equal(["tag", "count", "ok", "fail", "success", "p50", "p99"], tags.Columns);
        Assert.Equal([["api", "3", "2", "1", "66.67 %", "0.500", "0.500"]], tags.Rows);
    }

    [Fact]
    public void A_status_share_of_nothing_is_a_dash()
    {
        var stats = new ScenarioStats { ScenarioName = "s", StatusCodes = [new StatusCodeStats(200, 0, 0, 0)] };

        var codes = ReportTables.For(Scenario(stats)).Single(t => t.Title == "Status codes");

        Assert.Equal("-", codes.Rows[0][4]);
    }

    [Fact]
    public void Custom_metrics_markers_windows_and_sections_are_listed_in_order()
    {
        var scenario = Scenario(Stats());
        scenario.SetMetric("z", 1.23456);
        scenario.SetMetric("a", 2);
        scenario.AddMarker(TimeSpan.FromSeconds(2), "late");
        scenario.AddMarker(TimeSpan.FromSeconds(0.5), "early", "cb");
        scenario.AddWindow(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.75), "fault", "chaos");
        scenario.AddSection(new ReportSection("Plugin", ["k"], [["v"]]));

        var tables = ReportTables.For(scenario).ToList();

        Assert.Equal([["a", "2"], ["z", "1.2346"]], tables.Single(t => t.Title == "Custom metrics").Rows);
        Assert.Equal([["0.50 s", "early", "cb"], ["2.00 s", "late", ""]], tables.Single(t => t.Title == "Timeline markers").Rows);
        Assert.Equal(["at", "label", "category"], tables.Single(t => t.Title == "Timeline markers").Columns);
        Assert.Equal([["1.00 s", "1.75 s", "0.75 s", "fault", "chaos"]], tables.Single(t => t.Title == "Marked windows").Rows);
        Assert.Equal(["from", "to", "length", "label", "category"], tables.Single(t => t.Title == "Marked windows").Columns);
        Assert.Equal("Plugin", tables[^1].Title);
    }

    [Fact]
    public void Steps_get_a_table_with_their_successful_latency_and_failure_codes()
    {
        var recorder = new StatsRecorder(enabled: true);
        recorder.RecordStep("login", Response.Ok(200, sizeBytes: 10), TimeSpan.FromMilliseconds(1));
        recorder.RecordStep("login", Response.Fail(503, sizeBytes: 5), TimeSpan.FromMilliseconds(2));
        recorder.RecordStep("login", Response.Fail(503), TimeSpan.FromMilliseconds(2));
        var stats = new ScenarioStats { ScenarioName = "s", Steps = OutcomeStatsBuilder.Steps(recorder.Steps) };

        var table = StepTables.For(stats).Single();

        Assert.Equal("Steps (each timed from its actual start; latency of successful runs)", table.Title);
        Assert.Equal(13, table.Columns.Count);
        Assert.Equal([["login", "3", "1", "2", "33.33 %", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "15", "503: 2"]], table.Rows);
        Assert.Empty(StepTables.For(new ScenarioStats { ScenarioName = "s" }));
    }

    [Fact]
    public void The_text_report_pads_columns_and_flattens_line_breaks()
    {
        var scenario = Scenario(Stats());
        scenario.AddSection(new ReportSection("Notes", ["key", "a long header"], [["two\nlines", "x"], ["short"]]));

        var text = TextReport.Render(Run(scenario));

        Assert.StartsWith("Load test report: started 2026-12-01 10:00:00 UTC, ran 3.0 s, NO THRESHOLDS\n\nScenario s\nLoad: Inject 1 per 1 s during 1 s\n\nSummary\n", text);
        Assert.Contains("\nNotes\nkey        a long header\n---------  -------------\ntwo lines  x\nshort\n", text);
        Assert.Contains("\nmetric        value\n------------  -----------------\nduration      2.50 s\n", text);
    }

    [Fact]
    public void The_csv_report_has_one_row_per_scenario_and_per_step_quoting_what_needs_it()
    {
        var recorder = new StatsRecorder(enabled: true);
        recorder.RecordStep("log,in", Response.Ok(sizeBytes: 10), TimeSpan.FromMilliseconds(1));
        recorder.RecordStep("log,in", Response.Fail(sizeBytes: 4), TimeSpan.FromMilliseconds(1.5));
        var stats = Stats("say \"hi\"") with { Steps = OutcomeStatsBuilder.Steps(recorder.Steps) };

        var lines = CsvReport.Render(Run(Scenario(stats), Scenario(Stats("idle") with { DurationSeconds = 0, Steps = stats.Steps }))).Split("\r\n");

        Assert.Equal("scenario,step,count,ok,fail,dropped,rps,latency_p50_ms,latency_p99_ms,ok_mean_ms,ok_p50_ms,ok_p75_ms,ok_p95_ms,ok_p99_ms,ok_max_ms,fail_mean_ms,bytes", lines[0]);
        Assert.Equal("\"say \"\"hi\"\"\",,10,4,6,3,4,0.601,1.091,0,0,0,0,0,0,0,1234", lines[1]);
        Assert.Equal("\"say \"\"hi\"\"\",\"log,in\",2,1,1,,0.8,,,1,1,1,1,1,1,1.5,14", lines[2]);
        Assert.Equal("idle,,10,4,6,3,0,0.601,1.091,0,0,0,0,0,0,0,1234", lines[3]);
        Assert.Equal("idle,\"log,in\",2,1,1,,0,,,1,1,1,1,1,1,1.5,14", lines[4]);
        Assert.Equal(("", 6), (lines[5], lines.Length));
        Assert.Throws<ArgumentNullException>(() => CsvReport.Render(null!));
        Assert.Throws<ArgumentNullException>(() => TextReport.Render(null!));
    }

    private static ScenarioStats Stats(string name = "s") => new()
    {
        ScenarioName = name,
        DurationSeconds = 2.5,
        Count = 10, Ok = 4, Fail = 6, Dropped = 3, Bytes = 1234,
        Latency = LatencyStats.FromHistogram(Micros([.. Enumerable.Range(101, 1000).Select(i => (long)i), 250_000])),
        ScheduleLag = LatencyStats.FromHistogram(Micros(10, 20)),
        StatusCodes = [new StatusCodeStats(200, 4, 4, 0), new StatusCodeStats(500, 6, 0, 6)],
        Tags = [Tag("api", 2, 1, Micros(500))],
    };

    private static ScenarioResult Scenario(ScenarioStats stats, IReadOnlyList<ThresholdResult>? thresholds = null, string? abort = null) =>
        new(stats, [], thresholds ?? [], [], (IReadOnlyList<string>)["Inject 1 per 1 s during 1 s"], abort, Start);

    private static LoadTestResult Run(params ScenarioResult[] scenarios) => new(Start, TimeSpan.FromSeconds(3), scenarios, "fp");
}
