using System.Globalization;

namespace FaultLab.Load;

/// <summary>
/// The tables every report shows (verdicts right after the summary, as k6 prints thresholds first), built once as plain text cells so Markdown, HTML and the console render the
/// same content (and plugin sections travel the same path).
/// </summary>
internal static class ReportTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The run's verdict in one word for every report: a pass with no threshold checked nothing, so it says so.</summary>
    public static string Verdict(LoadTestResult result) =>
        !result.Passed ? "FAILED" : result.Scenarios.Any(s => s.Thresholds.Count > 0) ? "PASSED" : "NO THRESHOLDS";

    /// <summary>The line that says a result is one agent's slice, or a merge of several; null for a plain run.</summary>
    public static string? Distribution(LoadTestResult result)
    {
        if (result.Agent is { } agent)
        {
            return F("Agent {0} of {1} (schedule {2}): this report holds only this agent's slice; merge all agents with faultlab report merge.",
                agent.Index, agent.Count, result.ScheduleFingerprint);
        }

        if (result.MergedAgents.Count > 0)
        {
            return F("Merged from {0} agents (schedule {1}): counts are sums, percentiles come from the summed histograms, thresholds are judged on the merge.",
                result.MergedAgents.Count, result.ScheduleFingerprint);
        }

        return null;
    }

    public static IEnumerable<ReportSection> For(ScenarioResult s)
    {
        var st = s.Stats;
        yield return new ReportSection("Summary", ["metric", "value"],
        [
            ["duration", F("{0:0.00} s", st.DurationSeconds)],
            ["requests", F("{0} (ok {1}, fail {2})", st.Count, st.Ok, st.Fail)],
            ["success rate", st.SuccessRate.ToString("P2", Inv)],
            ["rps", F("{0:0.0} (ok {1:0.0})", st.Rps, st.OkRps)],
            ["dropped", st.Dropped.ToString(Inv)],
            ["bytes", st.Bytes.ToString(Inv)],
            ["verdict", s.AbortReason is { } reason ? "ABORTED: " + reason : !s.Passed ? "FAILED" : s.Thresholds.Count > 0 ? "passed" : "no thresholds set"],
        ]);
        if (s.Thresholds.Count > 0)
        {
            yield return new ReportSection("Thresholds", ["rule", "status", "actual", "expected", "margin"],
                s.Thresholds.Select(t => Row(t.Rule, t.Passed ? "pass" : "FAIL", t.Actual, t.Expected, t.Margin)).ToList());
        }

        yield return Latency(st);
        if (st.ScheduleLag.Count > 0)
        {
            yield return new ReportSection("Open-model schedule lag (generator health: actual start minus intended start)",
                ["p50", "p99", "max"], [[Ms(st.ScheduleLag.P50Ms), Ms(st.ScheduleLag.P99Ms), Ms(st.ScheduleLag.MaxMs)]]);
        }

        if (st.StatusCodes.Count > 0)
        {
            yield return new ReportSection("Status codes", ["status", "count", "ok", "fail", "share"],
                st.StatusCodes.Select(c => Row(SvgCharts.StatusName(c.Label), N(c.Count), N(c.Ok), N(c.Fail), Share(c.Count, st.Count))).ToList());
        }

        if (st.Tags.Count > 0)
        {
            yield return new ReportSection("Tags", ["tag", "count", "ok", "fail", "success", "p50", "p99"],
                st.Tags.Select(t => Row(t.Tag, N(t.Count), N(t.Ok), N(t.Fail), t.SuccessRate.ToString("P2", Inv),
                    Ms(t.Latency.P50Ms), Ms(t.Latency.P99Ms))).ToList());
        }

        foreach (var steps in StepTables.For(st))
        {
            yield return steps;
        }

        if (s.CustomMetrics.Count > 0)
        {
            yield return new ReportSection("Custom metrics", ["metric", "value"],
                s.CustomMetrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => Row(m.Key, m.Value.ToString("0.####", Inv))).ToList());
        }

        if (s.Markers.Count > 0)
        {
            yield return new ReportSection("Timeline markers", ["at", "label", "category"],
                s.Markers.OrderBy(m => m.AtSeconds).Select(m => Row(F("{0:0.00} s", m.AtSeconds), m.Label, m.Category ?? "")).ToList());
        }

        if (s.Windows.Count > 0)
        {
            yield return new ReportSection("Marked windows", ["from", "to", "length", "label", "category"],
                s.Windows.Select(w => Row(F("{0:0.00} s", w.StartSeconds), F("{0:0.00} s", w.EndSeconds), F("{0:0.00} s", w.LengthSeconds), w.Label, w.Category ?? "")).ToList());
        }

        foreach (var section in s.Sections)
        {
            yield return section;
        }
    }

    private static ReportSection Latency(ScenarioStats st)
    {
        static string[] Cells(string label, LatencyStats l) =>
            [label, Ms(l.MinMs), Ms(l.MeanMs), Ms(l.StdDevMs), Ms(l.P50Ms), Ms(l.P75Ms), Ms(l.P95Ms), Ms(l.P99Ms), Ms(l.P999Ms), Ms(l.MaxMs)];
        string[] columns = ["latency (ms)", "min", "mean", "stddev", "p50", "p75", "p95", "p99", "p99.9", "max"];
        if (!st.CorrectionApplied)
        {
            return new ReportSection("Latency (open model: timed from the intended start, no coordinated omission)", columns,
                [Cells("from intended start", st.Latency)]);
        }

        return new ReportSection(
            F("Latency (closed-model samples corrected for coordinated omission at an expected interval of {0:0.###} ms per copy; thresholds use the corrected row)", st.CorrectionIntervalMs),
            columns, [Cells("corrected", st.Latency), Cells("measured (raw)", st.LatencyMeasured)]);
    }

    private static string[] Row(params string[] cells) => cells;
    private static string N(long n) => n.ToString(Inv);
    private static string Ms(double ms) => ms.ToString(ms >= 100 ? "0.0" : "0.000", Inv);
    private static string Share(long part, long total) => total == 0 ? "-" : ((double)part / total).ToString("P1", Inv);
    private static string F(string format, params object[] args) => string.Format(Inv, format, args);
}
