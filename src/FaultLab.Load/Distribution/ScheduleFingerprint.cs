using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FaultLab.Load;

/// <summary>
/// A digest of everything that shapes a run's schedule and verdicts, so a merge can refuse results of different
/// runs. Exact numbers (ticks, round-trip doubles), not the reports' rounded descriptions.
/// </summary>
internal static class ScheduleFingerprint
{
    public static string Of(IEnumerable<Scenario> scenarios)
    {
        var text = new StringBuilder();
        foreach (var scenario in scenarios)
        {
            text.Append(CultureInfo.InvariantCulture, $"scenario {scenario.Name} warmup {scenario.WarmUpDuration.Ticks} cap {scenario.MaxConcurrency}\n");
            foreach (var s in scenario.LoadSimulations)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"  {s.Kind} rate {s.Rate:R} interval {s.Interval.Ticks} during {s.During.Ticks} copies {s.Copies} iterations {s.Iterations}\n");
            }

            foreach (var t in scenario.Thresholds)
            {
                var d = t.Definition;
                text.Append(CultureInfo.InvariantCulture, $"  threshold {d.Kind} {t.Rule} {d.Limit:R} {d.Percentile:R} {d.Tag} {d.AbortOnFail}\n");
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
