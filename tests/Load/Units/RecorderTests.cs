namespace FaultLab.Load.Tests.Units;

/// <summary>
/// The recorder, the interval aggregator and the statistics builder fed by hand (no load, no clock): every count,
/// breakdown and percentile is known in advance.
/// </summary>
public sealed class RecorderTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void Each_interval_point_counts_only_its_own_completions_drops_and_status_codes()
    {
        var recorder = new StatsRecorder(enabled: true);
        var aggregator = new IntervalAggregator(recorder);
        RecordFirstSecond(recorder);

        var first = aggregator.CloseInterval(1.0);
        recorder.Record(Response.Ok(200), Ms * 0.8, closedModel: true);
        var second = aggregator.CloseInterval(2.5);
        var empty = aggregator.CloseInterval(2.5);

        Assert.Equal((0.0, 1.0, 5L, 3L, 2L, 2L, 5.0), (first.StartSeconds, first.LengthSeconds, first.Count, first.Ok, first.Fail, first.Dropped, first.Rps));
        Assert.Equal((1.2, 2.0, 2.0), (first.P50Ms, first.P99Ms, first.MaxMs)); // 0.5, 1, 1.2, 1.5, 2 ms
        Assert.Equal(new Dictionary<string, long> { ["200"] = 2, ["500"] = 1, ["none"] = 1, ["timeout"] = 1 }, first.StatusCodes);
        Assert.Equal((1.0, 1.5, 1L, 1L, 0L, 0L, 1 / 1.5), (second.StartSeconds, second.LengthSeconds, second.Count, second.Ok, second.Fail, second.Dropped, second.Rps));
        Assert.Equal((0.8, 0.8, 0.8), (second.P50Ms, second.P99Ms, second.MaxMs));
        Assert.Equal(new Dictionary<string, long> { ["200"] = 1 }, second.StatusCodes);
        Assert.Equal((2.5, 1e-6, 0L, 0.0, 0.0, 0.0, 0.0), (empty.StartSeconds, empty.LengthSeconds, empty.Count, empty.Rps, empty.P50Ms, empty.P99Ms, empty.MaxMs));
        Assert.Empty(empty.StatusCodes);
        Assert.Equal([first, second, empty], aggregator.Timeline);
        Assert.Equal((5L, 1L), (aggregator.OpenTotal.TotalCount, aggregator.ClosedTotal.TotalCount));

        var intervals = aggregator.DecodeIntervals("s");
        Assert.Equal([("s", 0.0, 1.0, 5L), ("s", 1.0, 1.5, 1L), ("s", 2.5, 1e-6, 0L)],
            intervals.Select(i => (i.Tag, i.StartSeconds, i.LengthSeconds, i.Histogram.TotalCount)));
    }

    [Fact]
    public void The_built_statistics_hold_the_totals_breakdowns_and_the_corrected_distribution()
    {
        var recorder = new StatsRecorder(enabled: true);
        var aggregator = new IntervalAggregator(recorder);
        RecordFirstSecond(recorder);
        aggregator.CloseInterval(1.0);
        recorder.BeginClosedCopy(TimeSpan.FromTicks(10_000));
        recorder.Record(Response.Ok(200), Ms * 0.8, closedModel: true);
        recorder.EndClosedCopy(TimeSpan.FromTicks(10_000), TimeSpan.FromTicks(13_000)); // one copy, 300 µs active
        aggregator.CloseInterval(2.5);

        var stats = StatsBuilder.Build("s", 2.5, recorder, aggregator);

        Assert.Equal(("s", 2.5, 6L, 4L, 2L, 2L, 300L), (stats.ScenarioName, stats.DurationSeconds, stats.Count, stats.Ok, stats.Fail, stats.Dropped, stats.Bytes));
        Assert.Equal((true, 0.3), (stats.CorrectionApplied, stats.CorrectionIntervalMs));
        // The closed 800 µs iteration hid one more at 500 µs (800 − 300); 200 µs is below the interval.
        Assert.Equal((7L, 0.5, 2.0), (stats.Latency.Count, stats.Latency.MinMs, stats.Latency.MaxMs));
        Assert.Equal((6L, 0.5, 2.0, 1.0), (stats.LatencyMeasured.Count, stats.LatencyMeasured.MinMs, stats.LatencyMeasured.MaxMs, stats.LatencyMeasured.P50Ms));
        Assert.Equal((1.2, 1.5), (stats.Latency.P75Ms, stats.LatencyMeasured.P75Ms)); // 0.5, [0.5,] 0.8, 1, 1.2, 1.5, 2
        Assert.Same(stats.Histogram, stats.Histogram);
        Assert.Equal((7L, 6L, 1L), (stats.Histogram!.TotalCount, stats.MeasuredHistogram!.TotalCount, stats.ScheduleLagHistogram!.TotalCount));
        Assert.Equal((1L, 0.25), (stats.ScheduleLag.Count, stats.ScheduleLag.P50Ms));

        Assert.Equal([("200", 3L, 3L, 0L), ("500", 1L, 0L, 1L), ("none", 1L, 1L, 0L), ("timeout", 1L, 0L, 1L)],
            stats.StatusCodes.Select(c => (c.Label, c.Count, c.Ok, c.Fail)));
        Assert.Equal([(200, (string?)null), (500, null), (null, null), (null, "timeout")], stats.StatusCodes.Select(c => (c.StatusCode, c.Text)));
        Assert.Equal([("a", 2L, 2L, 0L, 1.5), ("b", 1L, 0L, 1L, 1.5)], stats.Tags.Select(t => (t.Tag, t.Count, t.Ok, t.Fail, t.Latency.MeanMs)));
        Assert.Equal(2, stats.FindTag("a")!.Histogram!.TotalCount);
        Assert.Null(stats.FindTag("c"));
    }

    [Fact]
    public void Outcomes_have_their_own_latency_size_and_status_distributions()
    {
        var recorder = new StatsRecorder(enabled: true);
        var aggregator = new IntervalAggregator(recorder);
        RecordFirstSecond(recorder);
        recorder.Record(Response.Ok(200), Ms * 0.8, closedModel: false);
        aggregator.CloseInterval(1.0);

        var stats = StatsBuilder.Build("s", 1, recorder, aggregator);

        var ok = stats.OkStats;
        Assert.Equal((4L, 4L, 0.5, 2.0), (ok.Count, ok.Latency.Count, ok.Latency.MinMs, ok.Latency.MaxMs));
        Assert.Equal(4, ok.LatencyHistogram!.TotalCount);
        Assert.Equal((4L, 300L, 0L, 75.0, 200L), (ok.Bytes.Count, ok.Bytes.TotalBytes, ok.Bytes.MinBytes, ok.Bytes.MeanBytes, ok.Bytes.MaxBytes));
        Assert.Equal((0L, 100L, 200L, 200L), (ok.Bytes.P50Bytes, ok.Bytes.P75Bytes, ok.Bytes.P95Bytes, ok.Bytes.P99Bytes)); // 0, 0, 100, 200
        Assert.Equal(Math.Sqrt(6875), ok.Bytes.StdDevBytes, 6);
        Assert.Equal([("200", 3L, 3L, 0L), ("none", 1L, 1L, 0L)], ok.StatusCodes.Select(c => (c.Label, c.Count, c.Ok, c.Fail)));

        var fail = stats.FailStats;
        Assert.Equal((2L, 1.2, 1.5), (fail.Count, fail.Latency.MinMs, fail.Latency.MaxMs));
        Assert.Equal((2L, 0L, 0.0), (fail.Bytes.Count, fail.Bytes.TotalBytes, fail.Bytes.MeanBytes));
        Assert.Equal([("500", 1L, 0L, 1L), ("timeout", 1L, 0L, 1L)], fail.StatusCodes.Select(c => (c.Label, c.Count, c.Ok, c.Fail)));
        Assert.Equal("timeout", fail.StatusCodes[1].Text);
    }

    [Fact]
    public void An_outcome_nothing_ended_with_has_empty_distributions()
    {
        var recorder = new StatsRecorder(enabled: true);
        var aggregator = new IntervalAggregator(recorder);
        recorder.Record(Response.Ok(204, sizeBytes: 10), Ms, closedModel: false);
        aggregator.CloseInterval(1);

        var stats = StatsBuilder.Build("s", 1, recorder, aggregator);

        Assert.Equal((0L, LatencyStats.Empty, SizeStats.Empty), (stats.FailStats.Count, stats.FailStats.Latency, stats.FailStats.Bytes));
        Assert.Empty(stats.FailStats.StatusCodes);
        Assert.Equal((false, 0.0), (stats.CorrectionApplied, stats.CorrectionIntervalMs));
        Assert.Equal(stats.LatencyMeasured, stats.Latency);
        Assert.Equal(LatencyStats.Empty, stats.ScheduleLag);
        Assert.Equal((10L, 10L, 10L), (stats.OkStats.Bytes.MinBytes, stats.OkStats.Bytes.MaxBytes, stats.Bytes));
    }

    [Fact]
    public void Steps_are_listed_in_the_order_first_run_with_their_outcomes()
    {
        var recorder = new StatsRecorder(enabled: true);
        recorder.RecordStep("login", Response.Ok(), Ms);
        recorder.RecordStep("fetch", Response.Fail(500), Ms * 2);
        recorder.RecordStep("login", Response.Fail(), Ms * 1.9);
        recorder.RecordStep("fetch", Response.Fail(500), Ms * 2);

        var steps = OutcomeStatsBuilder.Steps(recorder.Steps);

        Assert.Equal([("login", 1L, 1L, 0.5), ("fetch", 0L, 2L, 0.0)], steps.Select(s => (s.Name, s.Ok.Count, s.Fail.Count, s.SuccessRate)));
        Assert.Equal((1.0, 1.9), (steps[0].Ok.Latency.MaxMs, steps[0].Fail.Latency.MaxMs));
        Assert.Equal(0, recorder.Steps.OrderOf("login"));
        Assert.Equal(1, recorder.Steps.OrderOf("fetch"));
        Assert.Equal(int.MaxValue, recorder.Steps.OrderOf("never"));
        Assert.Equal(1, new StepStats { Name = "never" }.SuccessRate);
    }

    [Fact]
    public void A_disabled_recorder_keeps_nothing()
    {
        var recorder = new StatsRecorder(enabled: false);
        var aggregator = new IntervalAggregator(recorder);

        recorder.Record(Response.Ok(200, 5, "t"), Ms, closedModel: false);
        recorder.Record(Response.Fail(500), Ms, closedModel: true);
        recorder.RecordDropped();
        recorder.RecordScheduleLag(Ms);
        recorder.RecordStep("step", Response.Ok(), Ms);
        recorder.BeginClosedCopy(TimeSpan.FromSeconds(1));
        recorder.EndClosedCopy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var point = aggregator.CloseInterval(1);

        Assert.False(recorder.Enabled);
        Assert.Equal((0L, 0L, 0L, 0L, 0L, 0L), (recorder.Ok, recorder.Fail, recorder.Dropped, recorder.Bytes, recorder.ClosedCopyTicks, recorder.ScheduleLag.TotalCount));
        Assert.Equal(0, recorder.ClosedCopyTicksUntil(TimeSpan.FromSeconds(5)));
        Assert.Empty(recorder.StatusCodes);
        Assert.Empty(recorder.Tags);
        Assert.Empty(recorder.Steps.Steps);
        Assert.Equal((0L, 0L), (recorder.Outcomes.Ok.Count, recorder.Outcomes.Fail.Count));
        Assert.Equal((0L, 0L), (point.Count, point.Dropped));
    }

    [Fact]
    public void Closed_copy_time_counts_finished_copies_and_running_ones_so_far()
    {
        var recorder = new StatsRecorder(enabled: true);
        var second = TimeSpan.TicksPerSecond;

        recorder.BeginClosedCopy(TimeSpan.FromSeconds(1));
        recorder.BeginClosedCopy(TimeSpan.FromSeconds(2));
        recorder.EndClosedCopy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));

        Assert.Equal(second / 2, recorder.ClosedCopyTicks);
        Assert.Equal(second / 2 + 3 * second, recorder.ClosedCopyTicksUntil(TimeSpan.FromSeconds(4))); // the copy from 1 s is still running
        Assert.Equal(second / 2, recorder.ClosedCopyTicksUntil(TimeSpan.FromSeconds(0.5))); // never negative
    }

    [Fact]
    public void Bytes_count_only_reported_sizes_and_status_codes_count_per_outcome()
    {
        var recorder = new StatsRecorder(enabled: true);

        recorder.Record(Response.Ok(200, sizeBytes: 7), Ms, closedModel: false);
        recorder.Record(Response.Fail(200, sizeBytes: 5), Ms, closedModel: false);
        recorder.Record(Response.Create(true, "404"), Ms, closedModel: false);

        Assert.Equal(12, recorder.Bytes);
        var codes = recorder.StatusCodes.ToDictionary(kv => kv.Key, kv => (kv.Value.Ok, kv.Value.Fail));
        Assert.Equal(new Dictionary<int, (long, long)> { [200] = (1, 1), [404] = (1, 0) }, codes);
        Assert.Empty(recorder.Outcomes.Texts); // "404" is a number, not a text
        Assert.Equal((2L, 1L, 7L, 5L), (recorder.Outcomes.Ok.Count, recorder.Outcomes.Fail.Count, recorder.Outcomes.Ok.TotalBytes, recorder.Outcomes.Fail.TotalBytes));
    }

    [Fact]
    public void Beyond_one_hundred_tags_new_tags_fold_into_other()
    {
        var recorder = new StatsRecorder(enabled: true);

        for (var i = 0; i < StatsRecorder.MaxTags + 2; i++)
        {
            recorder.Record(Response.Ok(tag: $"t{i}"), Ms, closedModel: false);
        }

        recorder.Record(Response.Fail(tag: "t5"), Ms, closedModel: false);
        var tags = recorder.Tags.ToDictionary(kv => kv.Key, kv => (kv.Value.Ok, kv.Value.Fail));

        Assert.Equal(StatsRecorder.MaxTags + 1, tags.Count);
        Assert.Equal((2L, 0L), tags[StatsRecorder.OtherTag]);
        Assert.Equal((1L, 1L), tags["t5"]);
        Assert.True(tags.ContainsKey("t99"));
        Assert.False(tags.ContainsKey("t100"));
    }

    [Fact]
    public void Beyond_one_hundred_textual_codes_and_steps_new_ones_fold_into_other()
    {
        var recorder = new StatsRecorder(enabled: true);

        for (var i = 0; i < 102; i++)
        {
            recorder.Record(Response.Create(false, $"code {i}"), Ms, closedModel: false);
            recorder.RecordStep($"step {i}", Response.Ok(), Ms);
        }

        recorder.Record(Response.Create(true, "code 3"), Ms, closedModel: false);
        var texts = recorder.Outcomes.Texts.ToDictionary(kv => kv.Key, kv => (kv.Value.Ok, kv.Value.Fail));
        var steps = OutcomeStatsBuilder.Steps(recorder.Steps);

        Assert.Equal(OutcomeRecorder.MaxStatusTexts + 1, texts.Count);
        Assert.Equal((0L, 2L), texts[StatsRecorder.OtherTag]);
        Assert.Equal((1L, 1L), texts["code 3"]);
        Assert.False(texts.ContainsKey("code 100"));
        Assert.Equal(StepsRecorder.MaxSteps + 1, steps.Count);
        Assert.Equal(("step 0", "step 99", StatsRecorder.OtherTag, 2L), (steps[0].Name, steps[99].Name, steps[100].Name, steps[100].Ok.Count));
    }

    [Fact]
    public void Equal_counts_sort_by_ordinal_name_and_more_frequent_first()
    {
        var recorder = new StatsRecorder(enabled: true);
        var aggregator = new IntervalAggregator(recorder);
        foreach (var (tag, code) in new[] { ("b", 404), ("a", 200), ("B", 503), ("z", 503), ("z", 503) })
        {
            recorder.Record(Response.Fail(code, tag: tag), Ms, closedModel: false);
        }

        aggregator.CloseInterval(1);
        var stats = StatsBuilder.Build("s", 1, recorder, aggregator);

        Assert.Equal(["z", "B", "a", "b"], stats.Tags.Select(t => t.Tag));
        Assert.Equal(["503", "200", "404"], stats.StatusCodes.Select(c => c.Label));
        Assert.Equal(["503", "200", "404"], stats.FailStats.StatusCodes.Select(c => c.Label));
    }

    [Fact]
    public void Derived_rates_and_labels()
    {
        Assert.Equal(1, new ScenarioStats { ScenarioName = "s" }.SuccessRate);
        Assert.Equal((0.0, 0.0), (new ScenarioStats { ScenarioName = "s", Count = 5, Ok = 5 }.Rps, new ScenarioStats { ScenarioName = "s", Ok = 5 }.OkRps));
        var stats = new ScenarioStats { ScenarioName = "s", Count = 10, Ok = 4, DurationSeconds = 4 };
        Assert.Equal((0.4, 2.5, 1.0), (stats.SuccessRate, stats.Rps, stats.OkRps));
        Assert.Equal(1, new TagStats("t", 0, 0, 0, LatencyStats.Empty).SuccessRate);
        Assert.Equal(0.25, new TagStats("t", 4, 1, 3, LatencyStats.Empty).SuccessRate);
        Assert.Equal(("404", "none", "not found header"), (new StatusCodeStats(404, 1, 0, 1).Label, new StatusCodeStats(null, 1, 1, 0).Label,
            new StatusCodeStats(null, 1, 1, 0) { Text = "not found header" }.Label));
        Assert.Equal(("none", "503"), (IntervalAggregator.StatusLabel(OutcomeCounter.NoStatusCode), IntervalAggregator.StatusLabel(503)));
        Assert.Equal(1.5, new TimelineWindow(2, 3.5, "w").LengthSeconds);
        Assert.Equal(1, new StepStats { Name = "x", Ok = new OutcomeStats { Count = 1 } }.SuccessRate);
        Assert.Equal(2, new StepStats { Name = "x", Ok = new OutcomeStats { Count = 1 }, Fail = new OutcomeStats { Count = 1 } }.Count);
    }

    /// <summary>Five completions (three ok, two failed; 0.5 … 2 ms), two drops and one schedule lag, all open model.</summary>
    private static void RecordFirstSecond(StatsRecorder recorder)
    {
        recorder.Record(Response.Ok(200, sizeBytes: 100, tag: "a"), Ms, closedModel: false);
        recorder.Record(Response.Ok(200, sizeBytes: 200, tag: "a"), Ms * 2, closedModel: false);
        recorder.Record(Response.Fail(500, tag: "b"), Ms * 1.5, closedModel: false);
        recorder.Record(Response.Create(false, "timeout"), Ms * 1.2, closedModel: false);
        recorder.Record(Response.Ok(), Ms * 0.5, closedModel: false);
        recorder.RecordDropped();
        recorder.RecordDropped();
        recorder.RecordScheduleLag(Ms * 0.25);
    }
}
