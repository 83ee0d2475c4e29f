using System.Globalization;
using System.Net;
using System.Text;

namespace FaultLab.Load;

/// <summary>
/// Renders a result as one self-contained HTML page: inline CSS and inline SVG charts, no scripts, no network.
/// Per scenario: throughput, latency percentiles and status codes over time (with timeline markers),
/// outcomes by status code and by tag, then the same tables as the Markdown report.
/// </summary>
public static class HtmlReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const string Css = """
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#111827;background:#f9fafb}
        h1{margin:0 0 4px}h2{margin:32px 0 8px;border-bottom:2px solid #e5e7eb;padding-bottom:4px}
        h3{margin:18px 0 6px;font-size:15px;color:#374151}
        .meta{color:#4b5563;margin-bottom:12px}.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;color:#fff}
        .pass{background:#16a34a}.fail{background:#dc2626}
        table{border-collapse:collapse;background:#fff;margin:4px 0 12px;font-size:13px}
        th,td{border:1px solid #e5e7eb;padding:4px 10px;text-align:right}th{background:#f3f4f6}
        td:first-child,th:first-child{text-align:left}tr.failed td{background:#fef2f2;color:#991b1b}
        .chart{background:#fff;border:1px solid #e5e7eb;margin:6px 0;display:block}
        .chart .title{font-size:14px;font-weight:600;fill:#111827}.chart .axis{font-size:11px;fill:#4b5563}
        .chart .grid{stroke:#e5e7eb}.chart .axisline{stroke:#9ca3af}
        .chart .marker{stroke:#7c3aed;stroke-dasharray:4 3;stroke-width:1.5}.chart .markerlabel{font-size:11px;fill:#7c3aed;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .chart .windowlabel{font-size:11px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .tables{display:flex;flex-wrap:wrap;gap:0 24px}
        """;

    /// <summary>Renders a result.</summary>
    /// <param name="result">The run.</param>
    public static string Render(LoadTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Load test report</title><style>")
            .Append(Css).Append("</style></head><body>");
        html.Append("<h1>Load test report ").Append(Badge(result.Passed)).Append("</h1>");
        html.Append(F("<div class=\"meta\">Started {0:yyyy-MM-dd HH:mm:ss} UTC · ran {1:0.0} s · {2} scenario(s)</div>",
            result.StartedAt.UtcDateTime, result.Duration.TotalSeconds, result.Scenarios.Count));
        if (ReportTables.Distribution(result) is { } distribution)
        {
            html.Append("<div class=\"meta\">").Append(Enc(distribution)).Append("</div>");
        }

        var failedRules = result.Scenarios.SelectMany(s => s.Thresholds).Where(t => !t.Passed).ToList();
        if (failedRules.Count > 0)
        {
            html.Append("<div class=\"meta\"><b>Failed thresholds:</b> ")
                .Append(Enc(string.Join("; ", failedRules.Select(t => $"{t.ScenarioName}: {t.Rule} (actual {t.Actual}, {t.Margin})")))).Append("</div>");
        }

        html.Append(ComparisonView.Html(result, AppendTable));
        foreach (var scenario in result.Scenarios)
        {
            AppendScenario(html, scenario);
        }

        return html.Append("</body></html>").ToString();
    }

    private static void AppendScenario(StringBuilder html, ScenarioResult s)
    {
        html.Append("<section class=\"scenario\"><h2>Scenario ").Append(Enc(s.Name)).Append(' ').Append(Badge(s.Passed)).Append("</h2>");
        html.Append("<div class=\"meta\">Load: ").Append(Enc(string.Join("; ", s.Simulations))).Append("</div>");
        var timeline = s.Timeline;
        var xMax = Math.Max(timeline.Select(p => p.StartSeconds + p.LengthSeconds).DefaultIfEmpty(1).Max(), Math.Max(s.Stats.DurationSeconds, 1));
        var markers = s.Markers;
        var windows = s.Windows;

        html.Append(SvgCharts.Lines("Throughput over time (completions per second)", "per second",
        [
            new("ok/s", "#16a34a", Points(timeline, p => p.Ok / p.LengthSeconds)),
            new("fail/s", "#dc2626", Points(timeline, p => p.Fail / p.LengthSeconds)),
            new("dropped/s", "#d97706", Points(timeline, p => p.Dropped / p.LengthSeconds), Dashed: true),
        ], xMax, markers, windows: windows));
        html.Append(SvgCharts.Lines("Latency percentiles over time (ms, as measured per second, log scale)", "ms",
        [
            new("p50", "#2563eb", Points(timeline.Where(p => p.Count > 0), p => p.P50Ms)),
            new("p99", "#dc2626", Points(timeline.Where(p => p.Count > 0), p => p.P99Ms)),
            new("max", "#9ca3af", Points(timeline.Where(p => p.Count > 0), p => p.MaxMs), Dashed: true),
        ], xMax, markers, logScale: true, windows: windows));
        var statusKeys = s.Stats.StatusCodes.Select(c => c.Label).ToList();
        if (statusKeys.Count > 0)
        {
            html.Append(SvgCharts.StackedBars("Status codes over time", timeline, statusKeys, xMax, markers, windows));
        }

        if (s.Stats.StatusCodes.Count > 0)
        {
            html.Append(SvgCharts.OkFailBars("Outcomes by status code", s.Stats.StatusCodes.Select(c => (c.Label, c.Ok, c.Fail)).ToList()));
        }

        if (s.Stats.Tags.Count > 0)
        {
            html.Append(SvgCharts.OkFailBars("Outcomes by tag", s.Stats.Tags.Select(t => (t.Tag, t.Ok, t.Fail)).ToList()));
        }

        html.Append("<div class=\"tables\">");
        foreach (var table in ReportTables.For(s))
        {
            AppendTable(html, table);
        }

        html.Append("</div></section>");
    }

    private static void AppendTable(StringBuilder html, ReportSection table)
    {
        html.Append("<div><h3>").Append(Enc(table.Title)).Append("</h3><table><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(Enc(column)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var row in table.Rows)
        {
            html.Append(row.Contains("FAIL") ? "<tr class=\"failed\">" : "<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Enc(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }
        html.Append("</table></div>");
    }

    private static List<(double X, double Y)> Points(IEnumerable<TimelinePoint> timeline, Func<TimelinePoint, double> value) =>
        timeline.Select(p => (p.StartSeconds + p.LengthSeconds / 2, value(p))).ToList();

    private static string Badge(bool passed) => passed ? "<span class=\"badge pass\">PASSED</span>" : "<span class=\"badge fail\">FAILED</span>";
    private static string Enc(string s) => WebUtility.HtmlEncode(s);
    private static string F(string format, params object[] args) => string.Format(Inv, format, args);
}
