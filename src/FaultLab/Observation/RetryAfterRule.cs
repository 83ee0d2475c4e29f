using System.Globalization;

namespace FaultLab;

/// <summary>
/// The good-client rule "no retry before <c>Retry-After</c>" (RFC 9110 §10.2.3), defined once for every judge of it:
/// FaultLab.Testing's conformance verdict (on a fake clock) and FaultLab.Load.Resilience's count under load (on real
/// time). After a 429 or 503 carrying <c>Retry-After</c>, an attempt of the same call that starts before the
/// advertised instant, by more than the header's resolution and the judge's clock tolerance, breaks it.
/// </summary>
public static class RetryAfterRule
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "Retry-After";

    /// <summary>Reads what a response asks of the next attempt.</summary>
    /// <param name="statusCode">The response's status: only 429 and 503 ask for a wait.</param>
    /// <param name="retryAfter">The header's value as sent (delta-seconds or an HTTP-date), or <see langword="null"/>.</param>
    /// <param name="receivedAt">When the response arrived: delta-seconds count from it.</param>
    /// <returns>The wait, or <see langword="null"/> when the response asks none (another status, no header, or a value that is
    /// neither non-negative whole seconds nor an HTTP-date).</returns>
    public static RetryAfterWait? Read(int statusCode, string? retryAfter, DateTimeOffset receivedAt)
    {
        if (statusCode is not (429 or 503) || string.IsNullOrWhiteSpace(retryAfter))
        {
            return null;
        }

        string value = retryAfter.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return new RetryAfterWait(receivedAt + TimeSpan.FromSeconds(seconds), FromDate: false, value);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? new RetryAfterWait(date, FromDate: true, value)
            : null;
    }

    /// <summary>Reads what a response asks of the next attempt (see <see cref="Read(int, string?, DateTimeOffset)"/>).</summary>
    /// <param name="response">The response an attempt received.</param>
    /// <param name="receivedAt">When the attempt received it.</param>
    /// <returns>The wait, or <see langword="null"/> when the response asks none.</returns>
    public static RetryAfterWait? Read(HttpResponseMessage response, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(response);
        // The header as sent, read by the same parser as a recorded exchange's, rather than HttpHeaders' own reading.
        string? value = response.Headers.TryGetValues(HeaderName, out var values) ? string.Join(",", values) : null;
        return Read((int)response.StatusCode, value, receivedAt);
    }

    /// <summary>Tells whether an attempt breaks the rule.</summary>
    /// <param name="attemptAt">When the next attempt of the same call started.</param>
    /// <param name="wait">What the previous response asked (see <see cref="Read(int, string?, DateTimeOffset)"/>).</param>
    /// <param name="tolerance">The judge's own clock uncertainty: on a fake clock a millisecond or zero; on real time a few
    /// milliseconds, since timers fire on a coarser clock than the one that stamps the attempts. Defaults to zero.</param>
    /// <returns><see langword="true"/> when the attempt came earlier than <see cref="RetryAfterWait.NotBefore"/> by more
    /// than the larger of the tolerance and the header's <see cref="RetryAfterWait.Resolution"/>.</returns>
    public static bool IsViolation(DateTimeOffset attemptAt, RetryAfterWait wait, TimeSpan tolerance = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        TimeSpan slack = tolerance > wait.Resolution ? tolerance : wait.Resolution;
        return attemptAt + slack < wait.NotBefore;
    }
}
