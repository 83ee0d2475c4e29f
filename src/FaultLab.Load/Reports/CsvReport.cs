using System.Globalization;
using System.Text;

namespace FaultLab.Load;

/// <summary>
/// Renders a result as CSV (RFC 4180, invariant culture): one row per scenario and one per step, for
/// spreadsheets and trend tracking. Scenario rows carry the latency thresholds use (open model: from the intended
/// start; closed model: corrected for coordinated omission); every row carries the latency of successful runs.
/// </summary>
public static class CsvReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Header =
    [
        "scenario", "step", "count", "ok", "fail", "dropped", "rps", "latency_p50_ms", "latency_p99_ms",
        "ok_mean_ms", "ok_p50_ms", "ok_p75_ms", "ok_p95_ms", "ok_p99_ms", "ok_max_ms", "fail_mean_ms", "bytes",
    ];

    /// <summary>Renders a result.</summary>
    /// <param name="result">The run.</param>
    public static string Render(LoadTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var st in result.Scenarios.Select(s => s.Stats))
        {
            Line(csv, [st.ScenarioName, "", N(st.Count), N(st.Ok), N(st.Fail), N(st.Dropped), D(st.Rps), D(st.Latency.P50Ms),
                D(st.Latency.P99Ms), .. Ok(st.OkStats), D(st.FailStats.Latency.MeanMs), N(st.Bytes)]);
            foreach (var step in st.Steps)
            {
                Line(csv, [st.ScenarioName, step.Name, N(step.Count), N(step.Ok.Count), N(step.Fail.Count), "",
                    st.DurationSeconds > 0 ? D(step.Count / st.DurationSeconds) : "0", "", "", .. Ok(step.Ok),
                    D(step.Fail.Latency.MeanMs), N(step.Ok.Bytes.TotalBytes + step.Fail.Bytes.TotalBytes)]);
            }
        }
        return csv.ToString();
    }

    private static string[] Ok(OutcomeStats ok) =>
        [D(ok.Latency.MeanMs), D(ok.Latency.P50Ms), D(ok.Latency.P75Ms), D(ok.Latency.P95Ms), D(ok.Latency.P99Ms), D(ok.Latency.MaxMs)];

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(Escape))).Append("\r\n");

    private static string Escape(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string N(long n) => n.ToString(Inv);
    private static string D(double d) => d.ToString("0.###", Inv);
}
