namespace FaultLab.Testing;

public static partial class ConformanceRules
{
    // Fake timers keep whole milliseconds, and real clocks read a little differently on each side.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Rule 1: after a 429 or 503 carrying <c>Retry-After</c> (delta-seconds or an HTTP-date), no later attempt of the same
    /// call is sent before that time. Not applicable when no such response was seen.
    /// </summary>
    /// <param name="exchanges">What the dependency saw.</param>
    /// <returns>The verdict; each violation names the early attempt, how early it was, and the response that asked to wait.</returns>
    public static Verdict RespectsRetryAfter(IEnumerable<DependencyExchange> exchanges)
    {
        var ordered = Ordered(exchanges);
        if (ordered.Count == 0)
        {
            return Verdict.NotApplicable(ConformanceRule.RespectsRetryAfter, "the dependency saw no attempt");
        }

        DateTimeOffset origin = ordered[0].At;
        var violations = new List<string>();
        var kept = new List<string>();
        int asked = 0;
        for (int i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            // Not a pattern variable of the condition: mutating the condition must still compile (see MatrixReport.Html).
            var waitAsked = RetryAfterReadyAt(e);
            if (waitAsked is null)
            {
                continue;
            }

            var wait = waitAsked.Value;

            asked++;
            string request = $"{e.Describe(origin)} with Retry-After: {wait.Value}";
            var next = Later(ordered, i).FirstOrDefault();
            if (next is null)
            {
                kept.Add($"{request}; no later attempt");
                continue;
            }

            if (RetryAfterRule.IsViolation(next.At, wait, ClockTolerance))
            {
                violations.Add($"{next.Describe(origin)} came {Seconds(wait.NotBefore - next.At)} before the Retry-After of {request} " +
                    $"(earliest allowed {DependencyExchange.Offset(wait.NotBefore, origin)})");
            }
            else
            {
                kept.Add($"{request}; next {next.Describe(origin)}, {Seconds(next.At - wait.NotBefore)} after it was allowed");
            }
        }

        if (asked == 0)
        {
            return Verdict.NotApplicable(ConformanceRule.RespectsRetryAfter, "no 429 or 503 with Retry-After was sent");
        }

        return violations.Count > 0
            ? Verdict.Fail(ConformanceRule.RespectsRetryAfter, $"{violations.Count} of {asked} Retry-After waits were cut short", violations)
            : Verdict.Pass(ConformanceRule.RespectsRetryAfter, $"every one of {asked} Retry-After waits was kept", kept);
    }

    /// <summary>Reads what an attempt's response asked of the next attempt (<see cref="RetryAfterRule.Read(int, string?, DateTimeOffset)"/>):
    /// a 429 or 503 with delta-seconds counts from when the response arrived; an HTTP-date is an instant (one-second resolution).</summary>
    /// <param name="exchange">The attempt whose response to read.</param>
    /// <returns>The wait; <see langword="null"/> for another status, or when the header is absent or unreadable.</returns>
    public static RetryAfterWait? RetryAfterReadyAt(DependencyExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return exchange.StatusCode is { } status
            ? RetryAfterRule.Read(status, exchange.ResponseHeader(RetryAfterRule.HeaderName), exchange.EndedAt ?? exchange.At)
            : null;
    }
}
