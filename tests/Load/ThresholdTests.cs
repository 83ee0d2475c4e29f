namespace FaultLab.Load.Tests;

public sealed class ThresholdTests
{
    [Fact]
    public async Task Too_low_max_concurrency_drops_arrivals_and_the_dropped_rule_fails_with_the_amount()
    {
        // 100/s of 250 ms iterations needs ~25 in flight; a cap of 5 can start only ~20/s.
        var scenario = Scenario.Create("capped", async ctx =>
        {
            await Task.Delay(250, ctx.CancellationToken);
            return Response.Ok();
        })
        .WithMaxConcurrency(5)
        .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)))
        .WithThresholds(Threshold.Dropped(0), Threshold.SuccessRate(0.99));

        var result = await Quiet.RunAsync(scenario);
        var stats = result["capped"].Stats;

        Assert.Equal(200, stats.Count + stats.Dropped);   // every arrival either ran or was dropped, none ran late
        Assert.InRange(stats.Count, 30, 50);              // ≈ 2 s × 5 slots / 0.25 s
        Assert.True(stats.Latency.MaxMs < 400, $"no queueing: max {stats.Latency.MaxMs} ms");
        var dropped = result["capped"].Thresholds.Single(t => t.Rule == "dropped <= 0");
        Assert.False(dropped.Passed);
        Assert.Equal(stats.Dropped.ToString(System.Globalization.CultureInfo.InvariantCulture), dropped.Actual);
        Assert.Equal($"over by {stats.Dropped}", dropped.Margin);
        Assert.Equal(result["capped"].Stats.Dropped, result["capped"].Timeline.Sum(p => p.Dropped));

        var ex = Assert.Throws<ThresholdsFailedException>(result.EnsureThresholdsPassed);
        Assert.Contains("dropped <= 0", ex.Message);
        Assert.Contains("FAIL", ex.Message);
        Assert.Contains("| pass", ex.Message);  // the passing rule is listed too
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Percentile_and_rps_rules_report_actual_expected_and_margin()
    {
        var scenario = Scenario.Create("slow", async ctx =>
        {
            await Task.Delay(30, ctx.CancellationToken);
            return Response.Ok();
        })
        .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
        .WithThresholds(Threshold.Percentile(99, TimeSpan.FromMilliseconds(10)), Threshold.Rps(1000),
            Threshold.Custom("at least 40 requests", s => s.Count >= 40), Threshold.Percentile(50, TimeSpan.FromSeconds(1)));

        var result = await Quiet.RunAsync(scenario);
        var verdicts = result["slow"].Thresholds;

        var p99 = verdicts.Single(t => t.Rule == "p99 <= 10 ms");
        Assert.False(p99.Passed);
        Assert.StartsWith("over by ", p99.Margin);
        Assert.False(verdicts.Single(t => t.Rule == "rps >= 1000").Passed);
        Assert.True(verdicts.Single(t => t.Rule == "at least 40 requests").Passed);
        Assert.True(verdicts.Single(t => t.Rule == "p50 <= 1000 ms").Passed);
        var message = Assert.Throws<ThresholdsFailedException>(result.EnsureThresholdsPassed).Message;
        Assert.Contains("2 rule(s) failed", message);
        Assert.Contains("p99 <= 10 ms", message);
    }

    [Fact]
    public async Task Abort_on_fail_stops_the_scenario_early()
    {
        var scenario = Scenario.Create("failing", _ => Task.FromResult(Response.Fail(500)))
            .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)))
            .WithThresholds(Threshold.SuccessRate(0.9, abortOnFail: true));

        var result = await Quiet.RunAsync(scenario);

        Assert.NotNull(result["failing"].AbortReason);
        Assert.Contains("success rate", result["failing"].AbortReason);
        Assert.True(result["failing"].Stats.DurationSeconds < 3, $"ran {result["failing"].Stats.DurationSeconds} s");
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task Per_tag_thresholds_look_only_at_their_tag()
    {
        var scenario = Scenario.Create("tagged", ctx => Task.FromResult(ctx.Iteration % 2 == 0
                ? Response.Ok(200, tag: "good")
                : Response.Fail(500, tag: "bad")))
            .WithLoadSimulations(Simulation.IterationsForConstant(2, 100))
            .WithThresholds(Threshold.SuccessRate(1, tag: "good"), Threshold.SuccessRate(0.5, tag: "bad"));

        var verdicts = (await Quiet.RunAsync(scenario))["tagged"].Thresholds;
        Assert.True(verdicts[0].Passed);
        Assert.Equal("success rate >= 100.00 % [tag good]", verdicts[0].Rule);
        Assert.False(verdicts[1].Passed);
        Assert.Equal("0.00 %", verdicts[1].Actual);
    }
}

public sealed class ThresholdNoDataTests
{
    private static ScenarioStats Stats(long ok, long fail)
    {
        var histogram = new HdrHistogram.LongHistogram(1, 3_600_000_000, 3);
        for (var i = 0; i < ok + fail; i++)
            histogram.RecordValue(5_000); // 5 ms
        return new ScenarioStats { ScenarioName = "s", Ok = ok, Fail = fail, Count = ok + fail, Histogram = histogram };
    }

    [Fact]
    public void A_tag_rule_whose_tag_never_appeared_fails_instead_of_passing_vacuously()
    {
        // A typo in the tag (or a tag folded into "(other)") must not turn a gate green.
        var stats = Stats(ok: 0, fail: 100);

        var success = Threshold.SuccessRate(0.99, tag: "chekout").Evaluate(stats);
        var latency = Threshold.Percentile(99, TimeSpan.FromMilliseconds(1), tag: "chekout").Evaluate(stats);

        Assert.False(success.Passed);
        Assert.False(latency.Passed);
        Assert.Equal("no samples", success.Actual);
        Assert.Equal("no samples", latency.Actual);
    }

    [Fact]
    public void Rules_over_a_run_in_which_nothing_completed_fail()
    {
        var empty = new ScenarioStats { ScenarioName = "s", Dropped = 500 };

        Assert.False(Threshold.SuccessRate(0.99).Evaluate(empty).Passed);
        Assert.False(Threshold.Percentile(99, TimeSpan.FromMilliseconds(250)).Evaluate(empty).Passed);
        Assert.True(Threshold.SuccessRate(0.99).Evaluate(Stats(100, 0)).Passed);
        Assert.True(Threshold.Percentile(99, TimeSpan.FromMilliseconds(250)).Evaluate(Stats(100, 0)).Passed);
    }

    [Fact]
    public async Task An_abort_rule_does_not_abort_before_its_tag_has_any_sample()
    {
        // Completions only start after ~1.5 s: the first per-second check sees no samples and must not abort.
        var scenario = Scenario.Create("late", async ctx =>
            {
                await Task.Delay(1500, ctx.CancellationToken);
                return Response.Ok(200, tag: "checkout");
            })
            .WithLoadSimulations(Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)))
            .WithThresholds(Threshold.SuccessRate(0.95, tag: "checkout", abortOnFail: true));

        var result = (await Quiet.RunAsync(scenario))["late"];

        Assert.Null(result.AbortReason);
        Assert.True(result.Passed);
    }
}
