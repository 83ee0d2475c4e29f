using System.Globalization;
using System.Net;
using System.Text;

namespace FaultLab.Load;

/// <summary>
/// The comparison view of <see cref="LoadTestResult.ComparedScenarios"/>: one table (a row per figure, a column per
/// scenario) and the same figures over time overlaid on shared axes, so set-ups driven by the same load and the
/// same faults can be read against each other at a glance.
/// </summary>
internal static class ComparisonView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Seconds by which the starts of one window may differ between scenarios and still be the same window.</summary>
    private const double SameWindowDistance = 2;

    /// <summary>The comparison table: the engine's headline figures, then every custom metric any scenario has.</summary>
    public static ReportSection? Table(LoadTestResult result)
    {
        var scenarios = Compared(result);
        if (scenarios.Count == 0)
        {
            return null;
        }

        var rows = new List<IReadOnlyList<string>>
        {
            Row("calls", scenarios, s => s.Stats.Count.ToString(Inv)),
            Row("success rate", scenarios, s => s.Stats.SuccessRate.ToString("P2", Inv)),
            Row("p50 (ms)", scenarios, s => Ms(s.Stats.Latency.P50Ms)),
            Row("p95 (ms)", scenarios, s => Ms(s.Stats.Latency.P95Ms)),
            Row("p99 (ms)", scenarios, s => Ms(s.Stats.Latency.P99Ms)),
            Row("max (ms)", scenarios, s => Ms(s.Stats.Latency.MaxMs)),
            Row("dropped", scenarios, s => s.Stats.Dropped.ToString(Inv)),
        };
        foreach (var metric in scenarios.SelectMany(s => s.CustomMetrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            rows.Add(Row(metric, scenarios, s => s.CustomMetrics.TryGetValue(metric, out var v) ? v.ToString("0.####", Inv) : "-"));
        }

        rows.Add(Row("verdict", scenarios, s => s.AbortReason is not null ? "ABORTED" : s.Passed ? "passed" : "FAILED"));
        return new ReportSection("Figures side by side", ["figure", .. scenarios.Select(s => s.Name)], rows);
    }

    /// <summary>The HTML of the view, or an empty string when no comparison was asked for.</summary>
    public static string Html(LoadTestResult result, Action<StringBuilder, ReportSection> appendTable)
    {
        var scenarios = Compared(result);
        if (Table(result) is not { } table)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<section class=\"comparison\"><h2>Comparison: ")
            .Append(WebUtility.HtmlEncode(string.Join(" · ", scenarios.Select(s => s.Name)))).Append("</h2>");
        html.Append("<div class=\"meta\">Every figure from the same run. The charts put the set-ups on one clock (each shifted by when its measured run began); the shaded bands are the windows all of them met.</div>");
        appendTable(html, table);

        // Concurrent scenarios start their measured runs a little apart (init, warm-up, a busy machine: 22 ms in the
        // demo); on one axis each is shifted by its own start, so the same moment lines up across set-ups.
        var origin = scenarios.Min(s => s.MeasuredStartedAt);
        double[] shift = [.. scenarios.Select(s => s.MeasuredStartedAt == default || origin == default ? 0 : (s.MeasuredStartedAt - origin).TotalSeconds)];
        var xMax = scenarios.Select((s, i) => shift[i] + Math.Max(s.Timeline.Select(p => p.StartSeconds + p.LengthSeconds).DefaultIfEmpty(1).Max(), Math.Max(s.Stats.DurationSeconds, 1))).Max();
        var windows = SharedWindows(scenarios, shift);
        string Color(int i) => SvgCharts.Palette[i % SvgCharts.Palette.Length];
        html.Append(SvgCharts.Lines("Success rate over time (% of completions per second)", "% ok",
            scenarios.Select((s, i) => new SvgCharts.Series(s.Name, Color(i),
                Points(s.Timeline.Where(p => p.Count > 0), shift[i], p => 100.0 * p.Ok / p.Count))).ToList(),
            xMax, [], windows: windows, yMax: 100));
        html.Append(SvgCharts.Lines("p99 latency over time (ms, as measured per second, log scale)", "ms",
            scenarios.Select((s, i) => new SvgCharts.Series(s.Name, Color(i),
                Points(s.Timeline.Where(p => p.Count > 0), shift[i], p => p.P99Ms))).ToList(),
            xMax, [], logScale: true, windows: windows));
        return html.Append("</section>").ToString();
    }

    private static List<ScenarioResult> Compared(LoadTestResult result) => result.ComparedScenarios.Select(n => result[n]).ToList();

    /// <summary>
    /// The windows every scenario met: the k-th window of a label in the first scenario paired with the k-th window of
    /// that label in each other one (set-ups under one profile meet its windows in the same order), drawn over the
    /// union of their extents once each is shifted onto the common axis — set-ups resolved a little apart start their
    /// fault schedules a little apart (0.5 s in the demo, whose resilient clients take longer to build). A pair
    /// further apart than <see cref="SameWindowDistance"/> is not the same window. Windows only one scenario has
    /// (its own recovery) stay on its own charts.
    /// </summary>
    private static List<TimelineWindow> SharedWindows(IReadOnlyList<ScenarioResult> scenarios, double[] shift)
    {
        List<TimelineWindow> Shifted(int i) => [.. scenarios[i].Windows.Select(w => w with { StartSeconds = w.StartSeconds + shift[i], EndSeconds = w.EndSeconds + shift[i] })];
        var all = Enumerable.Range(0, scenarios.Count).Select(Shifted).ToList();
        var shared = new List<TimelineWindow>();
        foreach (var group in all[0].GroupBy(w => w.Label, StringComparer.Ordinal))
        {
            var mine = group.ToList();
            var theirs = all.Skip(1).Select(o => o.Where(w => w.Label == group.Key).ToList()).ToList();
            for (int k = 0; k < mine.Count; k++)
            {
                var w = mine[k];
                var pairs = theirs.Select(t => k < t.Count && Math.Abs(t[k].StartSeconds - w.StartSeconds) <= SameWindowDistance ? t[k] : null).ToList();
                if (pairs.All(p => p is not null))
                {
                    shared.Add(w with
                    {
                        StartSeconds = Math.Min(w.StartSeconds, pairs.Min(p => p!.StartSeconds)),
                        EndSeconds = Math.Max(w.EndSeconds, pairs.Max(p => p!.EndSeconds)),
                    });
                }
            }
        }

        return [.. shared.OrderBy(w => w.StartSeconds)];
    }

    private static List<(double X, double Y)> Points(IEnumerable<TimelinePoint> timeline, double shift, Func<TimelinePoint, double> value) =>
        timeline.Select(p => (shift + p.StartSeconds + p.LengthSeconds / 2, value(p))).ToList();

    private static string[] Row(string figure, IReadOnlyList<ScenarioResult> scenarios, Func<ScenarioResult, string> cell) =>
        [figure, .. scenarios.Select(cell)];

    private static string Ms(double ms) => ms.ToString(ms >= 100 ? "0.0" : "0.000", Inv);
}
