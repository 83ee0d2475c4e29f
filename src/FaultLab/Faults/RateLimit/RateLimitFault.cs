using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// A server-side rate limit, simulated on the injected clock: requests within the limit pass through untouched;
/// the rest get 429 with a <c>Retry-After</c> equal to when the next permit is really free, and the IETF draft's
/// <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c> (or GitHub's <c>X-RateLimit-*</c>).
/// </summary>
[FaultKind("A stateful server limit on the injected clock: requests within it pass; the rest get 429 with Retry-After and RateLimit-* headers.",
    Example = """{ "PermitLimit": 1, "Window": "00:01:00" }""")]
public sealed class RateLimitFault : Fault
{
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

    internal override FaultRealization Realize(RealizationContext context)
    {
        var partitions = new RateLimitPartitions(this, context.Clock);
        return new Answer(context, request =>
        {
            var limiter = partitions.For(request);
            using var lease = limiter.AttemptAcquire();
            return lease.IsAcquired ? null : RateLimitRejection.Create(this, request, limiter, context.Clock);
        });
    }
}
