using System.Globalization;

namespace FaultLab.Load;

/// <summary>
/// A pass/fail rule over a scenario's statistics, evaluated at the end of the run (and every second while
/// running when <see cref="AbortOnFail"/> is set). Latency rules use the coordinated-omission-corrected
/// distribution.
/// </summary>
public sealed class Threshold
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly Func<ScenarioStats, Verdict> _evaluate;

    private Threshold(string rule, ThresholdDefinition definition, Func<ScenarioStats, Verdict> evaluate)
    {
        Rule = rule;
        Tag = definition.Tag;
        AbortOnFail = definition.AbortOnFail;
        Definition = definition;
        _evaluate = evaluate;
    }

    /// <summary>Gets what the rule checks, as data (see <see cref="FromDefinition"/>).</summary>
    public ThresholdDefinition Definition { get; }

    /// <summary>Gets the human-readable rule.</summary>
    public string Rule { get; }

    /// <summary>Gets the tag the rule applies to, or null for the whole scenario.</summary>
    public string? Tag { get; }

    /// <summary>Gets a value indicating whether the scenario stops as soon as the rule fails during the run (checked once per second after the first second).</summary>
    public bool AbortOnFail { get; }

    /// <summary>Success rate (0–1) must be at least <paramref name="atLeast"/>.</summary>
    /// <param name="atLeast">Minimum success rate between 0 and 1.</param>
    /// <param name="tag">Optional tag scope.</param>
    /// <param name="abortOnFail">Stop the scenario early when the rule fails.</param>
    public static Threshold SuccessRate(double atLeast, string? tag = null, bool abortOnFail = false)
    {
        FiniteNumber.Require(atLeast, nameof(atLeast));
        ArgumentOutOfRangeException.ThrowIfNegative(atLeast);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(atLeast, 1);

        return new Threshold(string.Format(Inv, "success rate >= {0:P2}", atLeast), new("SuccessRate", atLeast, 0, tag, abortOnFail), stats =>
        {
            var count = tag is null ? stats.Count : stats.FindTag(tag)?.Count ?? 0;
            if (count == 0)
            {
                return NoSamples($">= {atLeast.ToString("P2", Inv)}", tag);
            }

            var actual = tag is null ? stats.SuccessRate : stats.FindTag(tag)!.SuccessRate;
            return new Verdict(actual >= atLeast, actual.ToString("P2", Inv), $">= {atLeast.ToString("P2", Inv)}",
                string.Format(Inv, "{0:+0.00;-0.00} percentage points", (actual - atLeast) * 100));
        });
    }

    /// <summary>The <paramref name="percentile"/>th latency percentile must be at most <paramref name="atMost"/>.</summary>
    /// <param name="percentile">Percentile between 0 (exclusive) and 100 (inclusive), e.g. 99 or 99.9.</param>
    /// <param name="atMost">Latency limit.</param>
    /// <param name="tag">Optional tag scope (tags use measured latency).</param>
    /// <param name="abortOnFail">Stop the scenario early when the rule fails.</param>
    public static Threshold Percentile(double percentile, TimeSpan atMost, string? tag = null, bool abortOnFail = false)
    {
        FiniteNumber.Require(percentile, nameof(percentile));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(atMost, TimeSpan.Zero);

        var limitMs = atMost.TotalMilliseconds;
        return new Threshold(string.Format(Inv, "p{0} <= {1} ms", percentile, limitMs), new("Percentile", limitMs, percentile, tag, abortOnFail), stats =>
        {
            var histogram = tag is null ? stats.Histogram : stats.FindTag(tag)?.Histogram;
            if (histogram is null || histogram.TotalCount == 0)
            {
                return NoSamples(string.Format(Inv, "<= {0:0.###} ms", limitMs), tag);
            }

            var actual = LatencyStats.Percentile(histogram, percentile);
            var delta = actual - limitMs;
            return new Verdict(actual <= limitMs, string.Format(Inv, "{0:0.###} ms", actual), string.Format(Inv, "<= {0:0.###} ms", limitMs),
                string.Format(Inv, "{0} by {1:0.###} ms ({2:+0.0;-0.0}%)", delta > 0 ? "over" : "under", Math.Abs(delta), delta / limitMs * 100));
        });
    }

    /// <summary>Completions per second must be at least <paramref name="atLeast"/>.</summary>
    /// <param name="atLeast">Minimum throughput, positive.</param>
    /// <param name="abortOnFail">Stop the scenario early when the rule fails.</param>
    public static Threshold Rps(double atLeast, bool abortOnFail = false)
    {
        FiniteNumber.Require(atLeast, nameof(atLeast));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(atLeast);

        return new Threshold(string.Format(Inv, "rps >= {0:0.##}", atLeast), new("Rps", atLeast, 0, null, abortOnFail), stats =>
            new Verdict(stats.Rps >= atLeast, stats.Rps.ToString("0.##", Inv), $">= {atLeast.ToString("0.##", Inv)}",
                string.Format(Inv, "{0:+0.##;-0.##} rps", stats.Rps - atLeast)));
    }

    /// <summary>Dropped arrivals (open model, concurrency cap reached) must be at most <paramref name="atMost"/>.</summary>
    /// <param name="atMost">Maximum dropped count, zero or more (0 is the usual gate: a generator that could not keep up invalidates the run).</param>
    /// <param name="abortOnFail">Stop the scenario early when the rule fails.</param>
    public static Threshold Dropped(long atMost = 0, bool abortOnFail = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atMost);

        return new Threshold(string.Format(Inv, "dropped <= {0}", atMost), new("Dropped", atMost, 0, null, abortOnFail), stats =>
            new Verdict(stats.Dropped <= atMost, stats.Dropped.ToString(Inv), $"<= {atMost.ToString(Inv)}",
                string.Format(Inv, "{0} by {1}", stats.Dropped > atMost ? "over" : "under", Math.Abs(stats.Dropped - atMost))));
    }

    /// <summary>A rule of your own.</summary>
    /// <param name="name">Name shown in reports.</param>
    /// <param name="predicate">True when the rule holds.</param>
    /// <param name="abortOnFail">Stop the scenario early when the rule fails.</param>
    public static Threshold Custom(string name, Func<ScenarioStats, bool> predicate, bool abortOnFail = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        ArgumentNullException.ThrowIfNull(predicate);
        return new Threshold(name, new(ThresholdDefinition.CustomKind, 0, 0, null, abortOnFail), stats =>
        {
            var ok = predicate(stats);
            return new Verdict(ok, ok ? "true" : "false", "true", ok ? "holds" : "does not hold");
        });
    }

    /// <summary>Rebuilds a built-in rule from its <see cref="Definition"/> (for example one read back from a JSON report).</summary>
    /// <param name="definition">The rule as data.</param>
    /// <exception cref="ArgumentException">The kind is unknown, or <c>Custom</c>: a rule written in code cannot be rebuilt from data.</exception>
    public static Threshold FromDefinition(ThresholdDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Kind switch
        {
            "SuccessRate" => SuccessRate(definition.Limit, definition.Tag, definition.AbortOnFail),
            "Percentile" => Percentile(definition.Percentile, TimeSpan.FromMilliseconds(definition.Limit), definition.Tag, definition.AbortOnFail),
            "Rps" => Rps(definition.Limit, definition.AbortOnFail),
            "Dropped" => Dropped((long)definition.Limit, definition.AbortOnFail),
            ThresholdDefinition.CustomKind => throw new ArgumentException(
                "A custom threshold is code and cannot be rebuilt from data; evaluate it on the merged result in code.", nameof(definition)),
            _ => throw new ArgumentException($"Unknown threshold kind '{definition.Kind}'.", nameof(definition)),
        };
    }

    /// <summary>Evaluates the rule.</summary>
    /// <param name="stats">The scenario statistics.</param>
    public ThresholdResult Evaluate(ScenarioStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var verdict = _evaluate(stats);
        return new ThresholdResult
        {
            ScenarioName = stats.ScenarioName,
            Rule = Tag is null ? Rule : $"{Rule} [tag {Tag}]",
            Tag = Tag,
            Passed = verdict.Passed,
            Actual = verdict.Actual,
            Expected = verdict.Expected,
            Margin = verdict.Margin,
            NoData = verdict.NoData,
            Definition = Definition,
        };
    }

    /// <summary>
    /// Nothing to judge (no completions, or none with the tag — a misspelt tag, or one folded into "(other)"): the
    /// final verdict fails rather than passing vacuously; an abort-on-fail check mid-run waits for data instead.
    /// </summary>
    private static Verdict NoSamples(string expected, string? tag) =>
        new(false, "no samples", expected, tag is null ? "no completed iterations" : $"no completed iterations with tag '{tag}'", NoData: true);

    private readonly record struct Verdict(bool Passed, string Actual, string Expected, string Margin, bool NoData = false);
}
