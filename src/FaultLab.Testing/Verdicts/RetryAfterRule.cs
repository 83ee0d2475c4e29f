using System.Globalization;

namespace FaultLab.Testing;

public static partial class ConformanceRules
{
    // An HTTP-date has one-second resolution (RFC 9110 §5.6.7): a client cannot be judged more finely than that.
    private static readonly TimeSpan DateResolution = TimeSpan.FromSeconds(1);

    // Fake timers keep whole milliseconds, and real clocks read a little differently on each side.
    private static readonly TimeSpan DeltaTolerance = TimeSpan.FromMilliseconds(1);

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
            var readyAt = e.StatusCode is 429 or 503 ? RetryAfterReadyAt(e) : null;
            if (readyAt is null)
            {
                continue;
            }

            var ready = readyAt.Value;

            asked++;
            string request = $"{e.Describe(origin)} with Retry-After: {e.ResponseHeader("Retry-After")}";
            var next = Later(ordered, i).FirstOrDefault();
            if (next is null)
            {
                kept.Add($"{request}; no later attempt");
                continue;
            }

            TimeSpan tolerance = ready.Date ? DateResolution : DeltaTolerance;
            if (next.At + tolerance < ready.At)
            {
                violations.Add($"{next.Describe(origin)} came {Seconds(ready.At - next.At)} before the Retry-After of {request} " +
                    $"(earliest allowed {DependencyExchange.Offset(ready.At, origin)})");
            }
            else
            {
                kept.Add($"{request}; next {next.Describe(origin)}, {Seconds(next.At - ready.At)} after it was allowed");
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

    /// <summary>Reads when a response's <c>Retry-After</c> allows the next request: delta-seconds count from when the
    /// response arrived; an HTTP-date is an instant (one-second resolution).</summary>
    /// <param name="exchange">The attempt whose response to read.</param>
    /// <returns>The instant, and whether it came from a date; <see langword="null"/> when absent or unreadable.</returns>
    public static (DateTimeOffset At, bool Date)? RetryAfterReadyAt(DependencyExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (exchange.ResponseHeader("Retry-After") is not { Length: > 0 } value)
        {
            return null;
        }

        DateTimeOffset arrived = exchange.EndedAt ?? exchange.At;
        if (long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return (arrived + TimeSpan.FromSeconds(seconds), false);
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date, true)
            : null;
    }
}
