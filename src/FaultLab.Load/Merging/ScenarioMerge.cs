using System.Globalization;
using HdrHistogram;

namespace FaultLab.Load;

/// <summary>One scenario of a merge: sums of counts, sums of histograms, the timeline added second by second.</summary>
internal static class ScenarioMerge
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ScenarioResult Merge(string name, IReadOnlyList<AgentResultFile> agents, IReadOnlyList<Threshold>? thresholds)
    {
        var parts = agents.Select(a => (a.Agent!, Scenario: a.Scenarios.FirstOrDefault(s => s.Name == name)
            ?? throw new AgentResultsException($"{a.Path}: has no scenario '{name}'."))).ToList();
        var stats = MergeStats(name, parts.Select(p => p.Scenario).ToList());
        var (timeline, intervals) = MergeTimeline(name, parts.Select(p => p.Scenario).ToList());
        var verdicts = thresholds is not null
            ? thresholds.Select(t => t.Evaluate(stats)).ToList()
            : parts[0].Scenario.Thresholds.Select(t => Reevaluate(t, stats)).ToList();
        var aborts = parts.Where(p => p.Scenario.AbortReason is not null)
            .Select(p => $"{LoadResultMerge.AgentLabel(p.Item1)}: {p.Scenario.AbortReason}").ToList();

        var result = new ScenarioResult(stats, timeline, verdicts, intervals, parts[0].Scenario.Simulations,
            aborts.Count == 0 ? null : string.Join("; ", aborts), parts[0].Scenario.MeasuredStartedAt);
        result.AddSection(AgentsSection(parts));
        foreach (var (agent, scenario) in parts)
        {
            var label = LoadResultMerge.AgentLabel(agent);
            foreach (var (metric, value) in scenario.CustomMetrics)
            {
                result.SetMetric($"{label}: {metric}", value); // ratios and rates cannot be added; each agent's is kept
            }

            foreach (var marker in scenario.Markers)
            {
                result.AddMarker(TimeSpan.FromSeconds(marker.AtSeconds), $"{label}: {marker.Label}", marker.Category);
            }

            foreach (var section in scenario.Sections)
            {
                result.AddSection(section with { Title = $"{label}: {section.Title}" });
            }
        }

        return result;
    }

    /// <summary>
    /// An agent's verdict, judged again on the merged numbers. A custom rule is code that cannot travel in a file: it
    /// fails here rather than passing unjudged, and says how to judge it.
    /// </summary>
    private static ThresholdResult Reevaluate(ThresholdResult agentVerdict, ScenarioStats merged)
    {
        if (agentVerdict.Definition is { } definition && definition.Kind != ThresholdDefinition.CustomKind)
        {
            return Threshold.FromDefinition(definition).Evaluate(merged);
        }

        return agentVerdict with
        {
            Passed = false,
            Actual = "not evaluated",
            Margin = "a custom rule cannot be read from a file: merge in code with LoadResultMerge.Merge(files, thresholds)",
        };
    }

    private static ScenarioStats MergeStats(string name, IReadOnlyList<AgentResultFile.ScenarioFile> parts)
    {
        var latency = Sum(parts.Select(p => p.Histograms!.Latency));
        var measured = Sum(parts.Select(p => p.Histograms!.LatencyMeasured));
        var lag = Sum(parts.Select(p => p.Histograms!.ScheduleLag));
        var all = parts.Select(p => p.Stats!).ToList();
        var statusCodes = all.SelectMany(s => s.StatusCodes)
            .GroupBy(c => (c.StatusCode, c.Text))
            .Select(g => new StatusCodeStats(g.Key.StatusCode, g.Sum(c => c.Count), g.Sum(c => c.Ok), g.Sum(c => c.Fail)) { Text = g.Key.Text })
            .OrderByDescending(c => c.Count).ThenBy(c => c.StatusCode)
            .ToList();
        var tags = all.SelectMany(s => s.Tags).Select(t => t.Tag).Distinct(StringComparer.Ordinal)
            .Select(tag =>
            {
                var histogram = Sum(parts.Select(p => p.Histograms!.Tags.GetValueOrDefault(tag)));
                var mine = all.Select(s => s.FindTag(tag)).Where(t => t is not null).Select(t => t!).ToList();
                return new TagStats(tag, mine.Sum(t => t.Count), mine.Sum(t => t.Ok), mine.Sum(t => t.Fail), LatencyStats.FromHistogram(histogram)) { Histogram = histogram };
            })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();
        var corrected = all.Where(s => s.CorrectionApplied).ToList();
        return new ScenarioStats
        {
            ScenarioName = name,
            DurationSeconds = all.Max(s => s.DurationSeconds),
            Count = all.Sum(s => s.Count),
            Ok = all.Sum(s => s.Ok),
            Fail = all.Sum(s => s.Fail),
            Dropped = all.Sum(s => s.Dropped),
            Bytes = all.Sum(s => s.Bytes),
            Latency = LatencyStats.FromHistogram(latency),
            LatencyMeasured = LatencyStats.FromHistogram(measured),
            CorrectionApplied = corrected.Count > 0,
            // Each agent corrected its own copies at its own interval; the merged figure is their count-weighted mean.
            CorrectionIntervalMs = corrected.Count == 0 ? 0
                : corrected.Sum(s => s.CorrectionIntervalMs * s.Count) / Math.Max(1, corrected.Sum(s => s.Count)),
            ScheduleLag = LatencyStats.FromHistogram(lag),
            StatusCodes = statusCodes,
            Tags = tags,
            Histogram = latency,
            MeasuredHistogram = measured,
            ScheduleLagHistogram = lag,
        };
    }

    /// <summary>
    /// The agents' timelines added second by second. Every agent counts from the same start instant and its sampler
    /// closes its k-th point at its k-th second (a late wake-up moves where a point ends, not which second it is), so
    /// the agents' k-th points are the same second; a merged point adds their counts, its rate is the sum of the
    /// agents' rates, and its percentiles come from the sum of their histograms.
    /// </summary>
    private static (IReadOnlyList<TimelinePoint> Timeline, IReadOnlyList<IntervalHistogram> Intervals) MergeTimeline(
        string name, IReadOnlyList<AgentResultFile.ScenarioFile> parts)
    {
        var seconds = parts
            .SelectMany(p => p.Timeline.Select((point, i) => (Second: i, Point: point, Encoded: p.Histograms!.Intervals[i])))
            .GroupBy(x => x.Second)
            .OrderBy(g => g.Key)
            .ToList();
        var timeline = new List<TimelinePoint>(seconds.Count);
        var intervals = new List<IntervalHistogram>(seconds.Count);
        foreach (var second in seconds)
        {
            var points = second.Select(x => x.Point).ToList();
            var histogram = Sum(second.Select(x => x.Encoded));
            var start = points.Min(p => p.StartSeconds);
            var length = points.Average(p => p.LengthSeconds);
            var count = points.Sum(p => p.Count);
            timeline.Add(new TimelinePoint
            {
                StartSeconds = start,
                LengthSeconds = length,
                Count = count,
                Ok = points.Sum(p => p.Ok),
                Fail = points.Sum(p => p.Fail),
                Dropped = points.Sum(p => p.Dropped),
                Rps = points.Sum(p => p.LengthSeconds > 0 ? p.Count / p.LengthSeconds : 0),
                P50Ms = LatencyStats.Percentile(histogram, 50),
                P99Ms = LatencyStats.Percentile(histogram, 99),
                MaxMs = histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue() / 1000.0,
                StatusCodes = points.SelectMany(p => p.StatusCodes).GroupBy(kv => kv.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal),
            });
            intervals.Add(new IntervalHistogram(name, start, length, histogram));
        }

        return (timeline, intervals);
    }

    private static ReportSection AgentsSection(IReadOnlyList<(AgentRun Agent, AgentResultFile.ScenarioFile Scenario)> parts) =>
        new("Agents (each agent's own numbers; the tables above are the merge)",
            ["agent", "start instant", "late start", "requests", "ok", "fail", "dropped", "p50 ms", "p99 ms"],
            parts.Select(p => (IReadOnlyList<string>)
            [
                p.Agent.Index.ToString(Inv) + " of " + p.Agent.Count.ToString(Inv),
                p.Agent.StartAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", Inv) : "none",
                p.Agent.LateStartSeconds.ToString("0.000 s", Inv),
                p.Scenario.Stats!.Count.ToString(Inv),
                p.Scenario.Stats.Ok.ToString(Inv),
                p.Scenario.Stats.Fail.ToString(Inv),
                p.Scenario.Stats.Dropped.ToString(Inv),
                p.Scenario.Stats.Latency.P50Ms.ToString("0.000", Inv),
                p.Scenario.Stats.Latency.P99Ms.ToString("0.000", Inv),
            ]).ToList());

    private static HistogramBase Sum(IEnumerable<string?> encoded)
    {
        var total = Histograms.NewHistogram();
        foreach (var one in encoded)
        {
            if (!string.IsNullOrEmpty(one))
            {
                total.Add(ScenarioHistograms.Decode(one));
            }
        }

        return total;
    }
}
