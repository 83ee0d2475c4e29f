using System.Globalization;

namespace FaultLab.Testing;

public static partial class ConformanceRules
{
    /// <summary>The least fall in attempts per second rule 5 asks for.</summary>
    public const double RequiredOutageFall = 0.9;

    /// <summary>
    /// Rule 5: during a sustained outage the client stops reaching the dependency. The attempt rate of the window's last
    /// quarter (after any breaker had time to trip) must be at least 90 % below that of its first quarter. Not applicable
    /// when no attempt arrived in the first quarter.
    /// </summary>
    /// <param name="exchanges">What the dependency saw.</param>
    /// <param name="outageStart">When the outage began.</param>
    /// <param name="outageEnd">When it ended.</param>
    /// <returns>The verdict, with both rates as evidence.</returns>
    public static Verdict StopsHammeringOutage(IEnumerable<DependencyExchange> exchanges, DateTimeOffset outageStart, DateTimeOffset outageEnd)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(outageEnd, outageStart);
        var ordered = Ordered(exchanges);
        TimeSpan quarter = (outageEnd - outageStart) / 4;
        double early = Rate(ordered, outageStart, outageStart + quarter);
        double late = Rate(ordered, outageEnd - quarter, outageEnd);
        var evidence = new List<string>
        {
            Format($"first quarter ({DependencyExchange.Offset(outageStart, outageStart)} to {DependencyExchange.Offset(outageStart + quarter, outageStart)}): {early:0.00} attempts/s"),
            Format($"last quarter ({DependencyExchange.Offset(outageEnd - quarter, outageStart)} to {DependencyExchange.Offset(outageEnd, outageStart)}): {late:0.00} attempts/s"),
        };
        if (early == 0)
        {
            return Verdict.NotApplicable(ConformanceRule.StopsHammeringOutage, "no attempt reached the dependency early in the outage");
        }

        double fall = 1 - (late / early);
        evidence.Add(Format($"fall {fall:P0} (required {RequiredOutageFall:P0})"));
        return fall >= RequiredOutageFall
            ? Verdict.Pass(ConformanceRule.StopsHammeringOutage, Format($"attempts per second fell {fall:P0} during the outage"), evidence)
            : Verdict.Fail(ConformanceRule.StopsHammeringOutage,
                Format($"attempts per second fell only {fall:P0} (from {early:0.00}/s to {late:0.00}/s): the client keeps hammering a dead dependency"), evidence);
    }

    private static double Rate(List<DependencyExchange> ordered, DateTimeOffset from, DateTimeOffset to) =>
        ordered.Count(e => e.At >= from && e.At < to) / (to - from).TotalSeconds;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
