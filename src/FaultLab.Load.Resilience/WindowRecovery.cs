namespace FaultLab.Load.Resilience;

/// <summary>How the caller's success rate came back after one fault window.</summary>
/// <param name="Window">The window.</param>
/// <param name="BaselineSuccessRate">The success rate over the timeline buckets before the window (since the previous
/// window ended); 1 when there were none.</param>
/// <param name="BaselineMeasured">Whether the baseline was measured (<see langword="false"/>: no calls before the
/// window, 100 % assumed).</param>
/// <param name="Margin">How far below the baseline a bucket may stay and still count as recovered (0.05: 5 points).</param>
/// <param name="RecoveredAtSeconds">The start of the first bucket back within the margin (the window's end when that
/// bucket began inside the window); <see langword="null"/> when none came before the next window or the run's end.</param>
public sealed record WindowRecovery(FaultWindow Window, double BaselineSuccessRate, bool BaselineMeasured, double Margin, double? RecoveredAtSeconds)
{
    /// <summary>Gets the time from the window's end to recovery, in seconds, or <see langword="null"/> when the caller
    /// had not recovered. Its resolution is one timeline bucket (one second).</summary>
    public double? TimeToRecoverSeconds => RecoveredAtSeconds - Window.EndSeconds;

    /// <summary>
    /// Measures recovery after each window: from the window's end to the first timeline bucket (with calls) whose
    /// success rate is at least the baseline before the window minus <paramref name="margin"/>. A bucket that began
    /// inside the window counts from the window's end (a fallback that kept the caller whole recovers in 0 s). The
    /// search stops at the next window that starts after this one ends.
    /// </summary>
    /// <param name="timeline">The scenario's timeline.</param>
    /// <param name="windows">The fault windows on that timeline.</param>
    /// <param name="margin">Allowed shortfall below the baseline, from 0 to 1.</param>
    /// <returns>One recovery per window, earliest first.</returns>
    public static IReadOnlyList<WindowRecovery> Measure(IReadOnlyList<TimelinePoint> timeline, IReadOnlyList<FaultWindow> windows, double margin = 0.05)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(margin, 1);
        var buckets = timeline.Where(p => p.Count > 0).OrderBy(p => p.StartSeconds).ToList();
        var sorted = windows.OrderBy(w => w.StartSeconds).ToList();
        var recoveries = new List<WindowRecovery>(sorted.Count);
        for (int i = 0; i < sorted.Count; i++)
        {
            var window = sorted[i];
            double previousEnd = sorted.Take(i).Select(w => w.EndSeconds).DefaultIfEmpty(0).Max();
            var before = buckets.Where(p => p.StartSeconds >= previousEnd && p.StartSeconds + p.LengthSeconds <= window.StartSeconds).ToList();
            long calls = before.Sum(p => p.Count);
            double baseline = calls == 0 ? 1 : (double)before.Sum(p => p.Ok) / calls;

            double limit = sorted.Skip(i + 1).Where(w => w.StartSeconds >= window.EndSeconds).Select(w => w.StartSeconds).DefaultIfEmpty(double.PositiveInfinity).Min();
            var back = buckets.FirstOrDefault(p => p.StartSeconds + p.LengthSeconds > window.EndSeconds && p.StartSeconds < limit
                && (double)p.Ok / p.Count >= baseline - margin - 1e-12);
            double? recoveredAt = back is null ? null : Math.Max(back.StartSeconds, window.EndSeconds);
            recoveries.Add(new WindowRecovery(window, baseline, calls > 0, margin, recoveredAt));
        }

        return recoveries;
    }
}
