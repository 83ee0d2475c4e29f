using static FaultLab.Load.Tests.Units.StatsFixtures;

namespace FaultLab.Load.Tests.Units;

/// <summary>Every built-in rule judged on hand-made statistics: the exact boundary, the exact texts, the no-data verdicts.</summary>
public sealed class ThresholdRuleTests
{
    [Fact]
    public void Success_rate_exactly_at_the_limit_passes_and_just_below_fails_with_the_shortfall_in_points()
    {
        var rule = Threshold.SuccessRate(0.9);

        var atLimit = rule.Evaluate(Stats(ok: 9, fail: 1));
        var below = rule.Evaluate(Stats(ok: 8, fail: 2));
        var above = rule.Evaluate(Stats(ok: 10));

        Assert.Equal("success rate >= 90.00 %", rule.Rule);
        Assert.Equal(("s", "success rate >= 90.00 %", true, "90.00 %", ">= 90.00 %", "+0.00 percentage points", false),
            (atLimit.ScenarioName, atLimit.Rule, atLimit.Passed, atLimit.Actual, atLimit.Expected, atLimit.Margin, atLimit.NoData));
        Assert.Equal((false, "80.00 %", "-10.00 percentage points"), (below.Passed, below.Actual, below.Margin));
        Assert.Equal((true, "100.00 %", "+10.00 percentage points"), (above.Passed, above.Actual, above.Margin));
    }

    [Fact]
    public void Success_rate_with_nothing_completed_fails_as_no_data_instead_of_passing_vacuously()
    {
        var verdict = Threshold.SuccessRate(0.5).Evaluate(Stats());

        Assert.Equal((false, "no samples", ">= 50.00 %", "no completed iterations", true),
            (verdict.Passed, verdict.Actual, verdict.Expected, verdict.Margin, verdict.NoData));
    }

    [Fact]
    public void Success_rate_scoped_to_a_tag_judges_only_that_tag()
    {
        var stats = Stats(ok: 10, tags: [Tag("half", ok: 1, fail: 1), Tag("empty", ok: 0, fail: 0)]);

        var half = Threshold.SuccessRate(0.9, "half").Evaluate(stats);
        var missing = Threshold.SuccessRate(0.9, "missing").Evaluate(stats);
        var empty = Threshold.SuccessRate(0.9, "empty").Evaluate(stats);

        Assert.Equal(("success rate >= 90.00 % [tag half]", "half", false, "50.00 %", "-40.00 percentage points"),
            (half.Rule, half.Tag, half.Passed, half.Actual, half.Margin));
        Assert.Equal((false, "no samples", "no completed iterations with tag 'missing'", true),
            (missing.Passed, missing.Actual, missing.Margin, missing.NoData));
        Assert.Equal((false, "no completed iterations with tag 'empty'", true), (empty.Passed, empty.Margin, empty.NoData));
        Assert.True(Threshold.SuccessRate(1.0, "half").Evaluate(Stats(ok: 3, tags: [Tag("half", ok: 3, fail: 0)])).Passed);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Success_rate_limits_zero_and_one_are_accepted(double limit)
    {
        var rule = Threshold.SuccessRate(limit);

        Assert.Equal(limit, rule.Definition.Limit);
        Assert.Equal(limit == 0, rule.Evaluate(Stats(fail: 1)).Passed);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Success_rate_limits_outside_zero_to_one_are_refused_naming_the_argument(double limit)
    {
        var ex = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Threshold.SuccessRate(limit));

        Assert.Equal("atLeast", ex.ParamName);
    }

    [Fact]
    public void Percentile_exactly_at_the_limit_passes_and_the_margin_says_by_how_much_in_ms_and_percent()
    {
        var latencies = Stats(ok: 1000, histogram: OneTo(1000)); // p99 = 990 µs, p50 = 500 µs, p99.9 = 999 µs

        var atLimit = Threshold.Percentile(99, TimeSpan.FromMilliseconds(0.99)).Evaluate(latencies);
        var under = Threshold.Percentile(99, TimeSpan.FromMilliseconds(1)).Evaluate(latencies);
        var over = Threshold.Percentile(99, TimeSpan.FromMilliseconds(0.5)).Evaluate(latencies);

        Assert.Equal(("p99 <= 0.99 ms", true, "0.99 ms", "<= 0.99 ms", "under by 0 ms (+0.0%)", false),
            (atLimit.Rule, atLimit.Passed, atLimit.Actual, atLimit.Expected, atLimit.Margin, atLimit.NoData));
        Assert.Equal((true, "under by 0.01 ms (-1.0%)"), (under.Passed, under.Margin));
        Assert.Equal((false, "0.99 ms", "over by 0.49 ms (+98.0%)"), (over.Passed, over.Actual, over.Margin));
    }

    [Fact]
    public void Percentile_reads_the_percentile_it_names()
    {
        var latencies = Stats(ok: 1000, histogram: OneTo(1000));

        var p50 = Threshold.Percentile(50, TimeSpan.FromMilliseconds(0.5)).Evaluate(latencies);
        var p999 = Threshold.Percentile(99.9, TimeSpan.FromMilliseconds(0.998)).Evaluate(latencies);
        var p100 = Threshold.Percentile(100, TimeSpan.FromMilliseconds(1)).Evaluate(latencies);

        Assert.Equal((true, "0.5 ms"), (p50.Passed, p50.Actual));
        Assert.Equal(("p99.9 <= 0.998 ms", false, "0.999 ms", "over by 0.001 ms (+0.1%)"), (p999.Rule, p999.Passed, p999.Actual, p999.Margin));
        Assert.Equal((true, "1 ms"), (p100.Passed, p100.Actual));
    }

    [Fact]
    public void Percentile_without_samples_fails_as_no_data_and_a_tag_rule_reads_the_tag_histogram()
    {
        var stats = Stats(ok: 1000, histogram: OneTo(1000), tags: [Tag("fast", ok: 2, fail: 0, Micros(100, 100))]);

        var none = Threshold.Percentile(99, TimeSpan.FromMilliseconds(1)).Evaluate(Stats());
        var empty = Threshold.Percentile(99, TimeSpan.FromMilliseconds(1)).Evaluate(Stats(histogram: Micros()));
        var fast = Threshold.Percentile(99, TimeSpan.FromMilliseconds(0.2), "fast").Evaluate(stats);
        var missing = Threshold.Percentile(99, TimeSpan.FromMilliseconds(0.2), "missing").Evaluate(stats);

        Assert.Equal((false, "no samples", "<= 1 ms", "no completed iterations", true), (none.Passed, none.Actual, none.Expected, none.Margin, none.NoData));
        Assert.Equal((false, "no samples", true), (empty.Passed, empty.Actual, empty.NoData));
        Assert.Equal(("p99 <= 0.2 ms [tag fast]", true, "0.1 ms"), (fast.Rule, fast.Passed, fast.Actual));
        Assert.Equal((false, "no completed iterations with tag 'missing'"), (missing.Passed, missing.Margin));
    }

    [Theory]
    [InlineData(0.0, "percentile")]
    [InlineData(-1.0, "percentile")]
    [InlineData(100.001, "percentile")]
    [InlineData(double.NaN, "percentile")]
    public void Percentile_outside_zero_exclusive_to_hundred_is_refused(double percentile, string parameter)
    {
        var ex = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Threshold.Percentile(percentile, TimeSpan.FromMilliseconds(1)));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Percentile_limit_must_be_positive()
    {
        Assert.Equal("atMost", Assert.Throws<ArgumentOutOfRangeException>(() => Threshold.Percentile(99, TimeSpan.Zero)).ParamName);
        Assert.Equal(0.0001, Threshold.Percentile(99, TimeSpan.FromTicks(1)).Definition.Limit);
    }

    [Fact]
    public void Rps_exactly_at_the_limit_passes_and_the_margin_is_signed()
    {
        var tenPerSecond = Stats(ok: 100, durationSeconds: 10);

        var atLimit = Threshold.Rps(10).Evaluate(tenPerSecond);
        var above = Threshold.Rps(12.5).Evaluate(tenPerSecond);
        var below = Threshold.Rps(7.25).Evaluate(tenPerSecond);

        Assert.Equal(("rps >= 10", true, "10", ">= 10", "+0 rps"), (atLimit.Rule, atLimit.Passed, atLimit.Actual, atLimit.Expected, atLimit.Margin));
        Assert.Equal(("rps >= 12.5", false, "-2.5 rps"), (above.Rule, above.Passed, above.Margin));
        Assert.Equal((true, "+2.75 rps"), (below.Passed, below.Margin));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    public void Rps_limit_must_be_a_positive_number(double limit) =>
        Assert.Equal("atLeast", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Threshold.Rps(limit)).ParamName);

    [Fact]
    public void Dropped_at_the_limit_passes_and_the_margin_counts_arrivals()
    {
        var rule = Threshold.Dropped(3);

        var atLimit = rule.Evaluate(Stats(dropped: 3));
        var over = rule.Evaluate(Stats(dropped: 5));
        var under = rule.Evaluate(Stats(dropped: 1));

        Assert.Equal(("dropped <= 3", true, "3", "<= 3", "under by 0"), (atLimit.Rule, atLimit.Passed, atLimit.Actual, atLimit.Expected, atLimit.Margin));
        Assert.Equal((false, "5", "over by 2"), (over.Passed, over.Actual, over.Margin));
        Assert.Equal((true, "under by 2"), (under.Passed, under.Margin));
        Assert.Equal("dropped <= 0", Threshold.Dropped().Rule);
        Assert.False(Threshold.Dropped().Evaluate(Stats(dropped: 1)).Passed);
        Assert.Equal("atMost", Assert.Throws<ArgumentOutOfRangeException>(() => Threshold.Dropped(-1)).ParamName);
    }

    [Fact]
    public void Custom_rule_reports_whether_it_holds()
    {
        var rule = Threshold.Custom("at least 2", s => s.Count >= 2);

        var holds = rule.Evaluate(Stats(ok: 2));
        var fails = rule.Evaluate(Stats(ok: 1));

        Assert.Equal(("at least 2", true, "true", "true", "holds"), (holds.Rule, holds.Passed, holds.Actual, holds.Expected, holds.Margin));
        Assert.Equal((false, "false", "does not hold"), (fails.Passed, fails.Actual, fails.Margin));
        Assert.Equal(new ThresholdDefinition("Custom", 0, 0, null, false), rule.Definition);
        Assert.Throws<ArgumentException>(() => Threshold.Custom(" ", _ => true));
        Assert.Throws<ArgumentNullException>(() => Threshold.Custom("x", null!));
    }

    [Fact]
    public void Every_rule_carries_its_definition_tag_and_abort_flag()
    {
        Assert.Equal(new ThresholdDefinition("SuccessRate", 0.95, 0, "t", true), Threshold.SuccessRate(0.95, "t", abortOnFail: true).Definition);
        Assert.Equal(new ThresholdDefinition("Percentile", 250, 99.9, null, true), Threshold.Percentile(99.9, TimeSpan.FromMilliseconds(250), abortOnFail: true).Definition);
        Assert.Equal(new ThresholdDefinition("Rps", 5, 0, null, true), Threshold.Rps(5, abortOnFail: true).Definition);
        Assert.Equal(new ThresholdDefinition("Dropped", 2, 0, null, true), Threshold.Dropped(2, abortOnFail: true).Definition);
        Assert.Equal(new ThresholdDefinition("Custom", 0, 0, null, true), Threshold.Custom("c", _ => true, abortOnFail: true).Definition);

        var tagged = Threshold.Percentile(95, TimeSpan.FromMilliseconds(10), "api", abortOnFail: true);
        Assert.Equal(("api", true), (tagged.Tag, tagged.AbortOnFail));
        Assert.Equal((null, false), (Threshold.Rps(1).Tag, Threshold.Rps(1).AbortOnFail));
        var verdict = tagged.Evaluate(Stats(tags: [Tag("api", 1, 0, Micros(500))]));
        Assert.Equal(("api", tagged.Definition), (verdict.Tag, verdict.Definition));
    }

    [Fact]
    public void A_rule_rebuilt_from_its_definition_is_the_same_rule()
    {
        Threshold[] rules =
        [
            Threshold.SuccessRate(0.95, "t", abortOnFail: true),
            Threshold.Percentile(99.9, TimeSpan.FromMilliseconds(0.998), "t"),
            Threshold.Rps(12.5, abortOnFail: true),
            Threshold.Dropped(2),
        ];
        var stats = Stats(ok: 95, fail: 5, durationSeconds: 8, dropped: 2, histogram: OneTo(1000), tags: [Tag("t", 19, 1, OneTo(1000))]);

        foreach (var rule in rules)
        {
            var rebuilt = Threshold.FromDefinition(rule.Definition);

            Assert.Equal((rule.Rule, rule.Tag, rule.AbortOnFail, rule.Definition), (rebuilt.Rule, rebuilt.Tag, rebuilt.AbortOnFail, rebuilt.Definition));
            Assert.Equal(rule.Evaluate(stats), rebuilt.Evaluate(stats));
        }
    }

    [Fact]
    public void A_custom_or_unknown_definition_cannot_be_rebuilt_and_says_why()
    {
        var custom = Assert.Throws<ArgumentException>(() => Threshold.FromDefinition(new ThresholdDefinition("Custom", 0, 0, null, false)));
        var unknown = Assert.Throws<ArgumentException>(() => Threshold.FromDefinition(new ThresholdDefinition("Bogus", 1, 0, null, false)));

        Assert.Equal("A custom threshold is code and cannot be rebuilt from data; evaluate it on the merged result in code. (Parameter 'definition')", custom.Message);
        Assert.Equal("Unknown threshold kind 'Bogus'. (Parameter 'definition')", unknown.Message);
        Assert.Throws<ArgumentNullException>(() => Threshold.FromDefinition(null!));
        Assert.Throws<ArgumentNullException>(() => Threshold.Rps(1).Evaluate(null!));
    }
}
