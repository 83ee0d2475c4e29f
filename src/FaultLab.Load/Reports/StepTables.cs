using System.Globalization;

namespace FaultLab.Load;

/// <summary>The per-step table every report shows when the scenario ran named steps.</summary>
internal static class StepTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<ReportSection> For(ScenarioStats st)
    {
        if (st.Steps.Count == 0)
        {
            yield break;
        }

        yield return new ReportSection("Steps (each timed from its actual start; latency of successful runs)",
            ["step", "count", "ok", "fail", "success", "mean", "p50", "p75", "p95", "p99", "max", "bytes", "fail status codes"],
            st.Steps.Select(s => (IReadOnlyList<string>)
            [
                s.Name, N(s.Count), N(s.Ok.Count), N(s.Fail.Count), s.SuccessRate.ToString("P2", Inv),
                Ms(s.Ok.Latency.MeanMs), Ms(s.Ok.Latency.P50Ms), Ms(s.Ok.Latency.P75Ms), Ms(s.Ok.Latency.P95Ms),
                Ms(s.Ok.Latency.P99Ms), Ms(s.Ok.Latency.MaxMs), N(s.Ok.Bytes.TotalBytes + s.Fail.Bytes.TotalBytes),
                string.Join(", ", s.Fail.StatusCodes.Select(c => $"{c.Label}: {N(c.Count)}")),
            ]).ToList());
    }

    private static string N(long n) => n.ToString(Inv);
    private static string Ms(double ms) => ms.ToString(ms >= 100 ? "0.0" : "0.000", Inv);
}
