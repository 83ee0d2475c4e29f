using System.Globalization;
using System.Text.RegularExpressions;

namespace FaultLab.Testing;

public static partial class ConformanceRules
{
    /// <summary>
    /// Rule 7: after the first 429 that advertises a limit (<c>RateLimit-Limit</c> or GitHub's <c>X-RateLimit-Limit</c>),
    /// no span of the limit's window holds more attempts than the limit. The window is <paramref name="window"/>, else the
    /// <c>w=</c> of a <c>RateLimit-Policy</c> header; without either the rule is not applicable (the count alone says
    /// nothing). Spans are sliding, the strict reading of "N per window".
    /// </summary>
    /// <param name="exchanges">What the dependency saw.</param>
    /// <param name="window">The limit's window, when the server does not advertise it.</param>
    /// <returns>The verdict; a violation names the busiest span and its attempts.</returns>
    public static Verdict StaysWithinRateLimit(IEnumerable<DependencyExchange> exchanges, TimeSpan? window = null)
    {
        var ordered = Ordered(exchanges);
        int first = ordered.FindIndex(e => e.StatusCode == 429 && AdvertisedLimit(e) is not null);
        if (first < 0)
        {
            return Verdict.NotApplicable(ConformanceRule.StaysWithinRateLimit, "no 429 advertised a limit");
        }

        var limited = ordered[first];
        int limit = AdvertisedLimit(limited)!.Value;
        if ((window ?? AdvertisedWindow(limited)) is not { } w || w <= TimeSpan.Zero)
        {
            return Verdict.NotApplicable(ConformanceRule.StaysWithinRateLimit,
                $"the limit ({limit}) came without its window (no RateLimit-Policy); pass the window to judge it");
        }

        DateTimeOffset origin = ordered[0].At;
        var after = ordered.Skip(first).ToList();
        string advertised = $"limit {limit} per {Seconds(w)}, advertised by {limited.Describe(origin)}";
        int busiest = 0;
        int busiestAt = 0;
        for (int i = 0; i < after.Count; i++)
        {
            int inSpan = after.Skip(i).TakeWhile(e => e.At < after[i].At + w).Count();
            if (inSpan > busiest)
            {
                busiest = inSpan;
                busiestAt = i;
            }
        }

        var span = after.Skip(busiestAt).Take(busiest).ToList();
        string busiestText = $"{busiest} attempts in {Seconds(w)} from {DependencyExchange.Offset(span[0].At, origin)} (attempts {span[0].Attempt} to {span[^1].Attempt})";
        return busiest > limit
            ? Verdict.Fail(ConformanceRule.StaysWithinRateLimit, $"{busiestText}, over the {advertised}",
                span.Select(e => e.Describe(origin)))
            : Verdict.Pass(ConformanceRule.StaysWithinRateLimit, $"at most {busiest} attempts in any {Seconds(w)} after the 429", advertised);
    }

    private static int? AdvertisedLimit(DependencyExchange e)
    {
        string? value = e.ResponseHeader("RateLimit-Limit") ?? e.ResponseHeader("X-RateLimit-Limit");
        return int.TryParse(value?.Split(',')[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int limit) ? limit : null;
    }

    private static TimeSpan? AdvertisedWindow(DependencyExchange e) =>
        e.ResponseHeader("RateLimit-Policy") is { } policy && WindowParameter().Match(policy) is { Success: true } m &&
        int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    [GeneratedRegex(@"\bw=(\d+)")]
    private static partial Regex WindowParameter();
}
