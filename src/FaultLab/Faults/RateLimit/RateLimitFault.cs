using System.Collections.Concurrent;
using System.Globalization;
using FaultLab.Configuration;
using FaultLab.Pipeline;
using FaultLab.RateLimiting;
using FaultLab.Realization;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Outcomes;

namespace FaultLab;

/// <summary>
/// A server-side rate limit, simulated on the injected clock: requests within the limit pass through untouched;
/// the rest get 429 with a <c>Retry-After</c> equal to when the next permit is really free, and the IETF draft's
/// <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c> (or GitHub's <c>X-RateLimit-*</c>).
/// </summary>
public sealed class RateLimitFault : Fault
{
    /// <inheritdoc/>
    public override string Kind => "RateLimit";

    /// <summary>Gets or sets the algorithm. Defaults to <see cref="RateLimitAlgorithm.FixedWindow"/>.</summary>
    public RateLimitAlgorithm Algorithm { get; set; } = RateLimitAlgorithm.FixedWindow;

    /// <summary>Gets or sets the permits per window (the bucket size for a token bucket).</summary>
    public int PermitLimit { get; set; }

    /// <summary>Gets or sets the window (the replenishment period for a token bucket).</summary>
    public TimeSpan Window { get; set; }

    /// <summary>
    /// Gets or sets the tokens added per period (token bucket only). Defaults to <see langword="null"/>:
    /// <see cref="PermitLimit"/> tokens per <see cref="Window"/>, so "20 per 1 s" sustains 20 requests a second;
    /// set a smaller value for a bucket that allows bursts of <see cref="PermitLimit"/> but refills more slowly.
    /// </summary>
    public int? TokensPerPeriod { get; set; }

    /// <summary>Gets or sets the segments per window (sliding window only). Defaults to 4.</summary>
    public int SegmentsPerWindow { get; set; } = 4;

    /// <summary>Gets or sets what a separate limit is kept for. Defaults to one limit for all requests.</summary>
    public RateLimitPartition PartitionBy { get; set; } = RateLimitPartition.None;

    /// <summary>Gets or sets the header whose value names the partition, with <see cref="RateLimitPartition.Header"/>.</summary>
    public string? PartitionHeader { get; set; }

    /// <summary>Gets or sets which rate-limit headers the 429 carries. Defaults to the IETF draft's.</summary>
    public RateLimitHeaderStyle HeaderStyle { get; set; } = RateLimitHeaderStyle.Draft;

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (PermitLimit <= 0)
        {
            errors.Add($"{path[nameof(PermitLimit)]}: must be positive (was {PermitLimit}).");
        }

        if (Window <= TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(Window)]}: must be positive (was {Window}).");
        }

        if (Algorithm == RateLimitAlgorithm.TokenBucket && TokensPerPeriod is <= 0)
        {
            errors.Add($"{path[nameof(TokensPerPeriod)]}: must be positive (was {TokensPerPeriod}).");
        }

        if (Algorithm == RateLimitAlgorithm.SlidingWindow && SegmentsPerWindow <= 0)
        {
            errors.Add($"{path[nameof(SegmentsPerWindow)]}: must be positive (was {SegmentsPerWindow}).");
        }
        else if (Algorithm == RateLimitAlgorithm.SlidingWindow && Window > TimeSpan.Zero && Window.Ticks < SegmentsPerWindow)
        {
            // Each segment must last at least one tick: a zero-length segment divides by zero on every request.
            errors.Add($"{path[nameof(SegmentsPerWindow)]}: {SegmentsPerWindow} segments do not fit in a window of {Window}.");
        }

        if (PartitionBy == RateLimitPartition.Header && string.IsNullOrWhiteSpace(PartitionHeader))
        {
            errors.Add($"{path[nameof(PartitionHeader)]}: partitioning by header needs the header's name.");
        }
    }

    internal override void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FaultContext context)
    {
        var limiters = new ConcurrentDictionary<string, ClockedRateLimiter>(StringComparer.Ordinal);
        pipeline.AddChaosOutcome(context.Select(new ChaosOutcomeStrategyOptions<HttpResponseMessage>
        {
            OutcomeGenerator = args =>
            {
                var request = args.Context.GetRequestMessage();
                var limiter = limiters.GetOrAdd(PartitionKey(request), _ => CreateLimiter(context.TimeProvider));
                using var lease = limiter.AttemptAcquire();
                if (lease.IsAcquired)
                {
                    return new ValueTask<Outcome<HttpResponseMessage>?>((Outcome<HttpResponseMessage>?)null);
                }

                var response = CreateRejection(request, limiter, context.TimeProvider);
                context.Report(args.Context, 429);
                return new ValueTask<Outcome<HttpResponseMessage>?>(Outcome.FromResult(response));
            },
        }));
    }

    private string PartitionKey(HttpRequestMessage? request) => PartitionBy switch
    {
        RateLimitPartition.Host => request?.RequestUri?.IdnHost ?? string.Empty,
        RateLimitPartition.Header when request is not null && request.Headers.TryGetValues(PartitionHeader!, out var values) =>
            string.Join(',', values),
        _ => string.Empty,
    };

    private ClockedRateLimiter CreateLimiter(TimeProvider clock) => Algorithm switch
    {
        RateLimitAlgorithm.TokenBucket => new TokenBucketClockedLimiter(clock, PermitLimit, Window, TokensPerPeriod ?? PermitLimit),
        RateLimitAlgorithm.SlidingWindow => new SlidingWindowClockedLimiter(clock, PermitLimit, Window, SegmentsPerWindow),
        _ => new FixedWindowClockedLimiter(clock, PermitLimit, Window),
    };

    private HttpResponseMessage CreateRejection(HttpRequestMessage? request, ClockedRateLimiter limiter, TimeProvider clock)
    {
        var content = InjectedResponse.ProblemDetails(429, $"Rate limit of {PermitLimit} requests per {Window} exceeded.", request);
        var response = InjectedResponse.Create(request, 429, clock, content);
        TimeSpan retryAfter = limiter.TimeUntilNextPermit();
        long resetSeconds = (long)Math.Ceiling(limiter.TimeUntilReset().TotalSeconds);
        InjectedResponse.SetRetryAfter(response, retryAfter, asDate: false, clock);
        string remaining = limiter.GetStatistics()!.CurrentAvailablePermits.ToString(CultureInfo.InvariantCulture);
        string limit = limiter.Limit.ToString(CultureInfo.InvariantCulture);
        if (HeaderStyle == RateLimitHeaderStyle.GitHub)
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

/// <summary>The rate-limiting algorithm a <see cref="RateLimitFault"/> simulates.</summary>
public enum RateLimitAlgorithm
{
    /// <summary>At most N requests per fixed window.</summary>
    FixedWindow,

    /// <summary>At most N requests in any sliding window.</summary>
    SlidingWindow,

    /// <summary>A bucket of N tokens refilled at a steady rate.</summary>
    TokenBucket,
}

/// <summary>What a <see cref="RateLimitFault"/> keeps separate limits for.</summary>
public enum RateLimitPartition
{
    /// <summary>One limit for every request.</summary>
    None,

    /// <summary>One limit per request host.</summary>
    Host,

    /// <summary>One limit per value of a request header (an API key, a tenant).</summary>
    Header,
}

/// <summary>The family of rate-limit headers a 429 carries.</summary>
public enum RateLimitHeaderStyle
{
    /// <summary><c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c> (delta seconds).</summary>
    Draft,

    /// <summary><c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>, <c>X-RateLimit-Reset</c> (epoch seconds).</summary>
    GitHub,
}
