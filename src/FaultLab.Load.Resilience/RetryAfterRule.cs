using System.Net;

namespace FaultLab.Load.Resilience;

/// <summary>
/// The good-client rule "no retry before <c>Retry-After</c>" (RFC 9110 §10.2.3), defined once: an attempt that follows
/// a 429 or 503 carrying <c>Retry-After</c>, for the same logical call, earlier than the instant that response
/// advertised, is a violation. The advertised instant is the response's arrival plus the delta-seconds, or the
/// HTTP-date itself. The conformance verdicts of FaultLab.Testing (fake clock) state the same rule; this is its
/// real-time counterpart under load.
/// </summary>
public static class RetryAfterRule
{
    /// <summary>Gets the instant a response asks the client not to retry before, or <see langword="null"/> when it
    /// asks nothing (another status, or no <c>Retry-After</c>).</summary>
    /// <param name="response">The response an attempt received.</param>
    /// <param name="receivedAt">When the attempt received it.</param>
    /// <returns>The advertised instant.</returns>
    public static DateTimeOffset? AdvertisedInstant(HttpResponseMessage response, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        return retryAfter.Delta is { } delta ? receivedAt + delta : retryAfter.Date;
    }

    /// <summary>Tells whether an attempt made at <paramref name="attemptAt"/> breaks the rule.</summary>
    /// <param name="attemptAt">When the next attempt of the same call started.</param>
    /// <param name="advertised">What the previous response advertised (see <see cref="AdvertisedInstant"/>).</param>
    /// <param name="tolerance">The clock's own uncertainty: on a fake clock zero; on real time a few milliseconds,
    /// since timers fire on a coarser clock than the one that stamps the attempts (see <see cref="AttemptRecorder.Tolerance"/>).</param>
    /// <returns><see langword="true"/> when the attempt came earlier than the advertised instant by more than the tolerance.</returns>
    public static bool IsViolation(DateTimeOffset attemptAt, DateTimeOffset advertised, TimeSpan tolerance = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        return attemptAt < advertised - tolerance;
    }
}
