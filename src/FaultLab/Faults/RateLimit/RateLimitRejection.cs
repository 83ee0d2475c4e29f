using System.Globalization;
using FaultLab.RateLimiting;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>The 429 a rate-limited server sends: <c>Retry-After</c> = when the next permit is really free, and the
/// IETF draft's <c>RateLimit-*</c> headers (delta seconds) or GitHub's <c>X-RateLimit-*</c> (epoch seconds).</summary>
internal static class RateLimitRejection
{
    public static HttpResponseMessage Create(RateLimitFault fault, HttpRequestMessage? request, ClockedRateLimiter limiter, TimeProvider clock)
    {
        var content = InjectedResponse.ProblemDetails(429, $"Rate limit of {fault.PermitLimit} requests per {fault.Window} exceeded.", request);
        var response = InjectedResponse.Create(request, 429, clock, content);
        TimeSpan retryAfter = limiter.TimeUntilNextPermit();
        long resetSeconds = (long)Math.Ceiling(limiter.TimeUntilReset().TotalSeconds);
        InjectedResponse.SetRetryAfter(response, retryAfter, asDate: false, clock);
        string remaining = limiter.GetStatistics()!.CurrentAvailablePermits.ToString(CultureInfo.InvariantCulture);
        string limit = limiter.Limit.ToString(CultureInfo.InvariantCulture);
        if (fault.HeaderStyle == RateLimitHeaderStyle.GitHub)
        {
            long resetEpoch = (clock.GetUtcNow() + TimeSpan.FromSeconds(resetSeconds)).ToUnixTimeSeconds();
            response.Headers.Add("X-RateLimit-Limit", limit);
            response.Headers.Add("X-RateLimit-Remaining", remaining);
            response.Headers.Add("X-RateLimit-Reset", resetEpoch.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            response.Headers.Add("RateLimit-Limit", limit);
            response.Headers.Add("RateLimit-Remaining", remaining);
            response.Headers.Add("RateLimit-Reset", resetSeconds.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }
}
