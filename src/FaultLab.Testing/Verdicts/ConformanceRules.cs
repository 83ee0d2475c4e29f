using System.Globalization;

namespace FaultLab.Testing;

/// <summary>
/// The seven good-client rules, each a pure function of what the dependency saw (<see cref="DependencyExchange"/>s) and
/// when. Nothing here knows how the record was made: a matrix on the test clock, a load run on real time or a proxy log
/// are judged alike. Each rule returns pass, fail or not applicable with its evidence (attempts, timestamps, headers).
/// The basis of each rule is in docs/verdicts.md.
/// </summary>
public static partial class ConformanceRules
{
    /// <summary>Gets the rule's short title.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The title, for example <c>no retry before Retry-After</c>.</returns>
    public static string Title(ConformanceRule rule) => rule switch
    {
        ConformanceRule.RespectsRetryAfter => "no retry before Retry-After",
        ConformanceRule.NoUnsafeRetry => "no blind retry of POST/PATCH",
        ConformanceRule.BackoffWithJitter => "backoff grows, with jitter",
        ConformanceRule.BoundedTime => "a hang ends within a budget",
        ConformanceRule.StopsHammeringOutage => "stops hammering an outage",
        ConformanceRule.ReplacesInvalidToken => "new token after invalid_token",
        ConformanceRule.StaysWithinRateLimit => "stays within the advertised limit",
        _ => rule.ToString(),
    };

    /// <summary>Orders a record by send time (then attempt number), the order every rule reads it in.</summary>
    private static List<DependencyExchange> Ordered(IEnumerable<DependencyExchange> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        return [.. exchanges.OrderBy(e => e.At).ThenBy(e => e.Attempt)];
    }

    /// <summary>The attempts after <paramref name="index"/> that belong to the same call (all of them when calls are unknown).</summary>
    private static IEnumerable<DependencyExchange> Later(List<DependencyExchange> ordered, int index)
    {
        var from = ordered[index];
        for (int i = index + 1; i < ordered.Count; i++)
        {
            if (ordered[i].CallId == from.CallId)
            {
                yield return ordered[i];
            }
        }
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.000} s");
}
