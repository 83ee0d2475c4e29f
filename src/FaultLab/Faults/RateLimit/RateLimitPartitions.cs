using System.Collections.Concurrent;
using FaultLab.RateLimiting;

namespace FaultLab;

/// <summary>One compiled rate limit's state: a limiter per partition (every request, a host, or a header value),
/// created on first use with the fault's algorithm.</summary>
internal sealed class RateLimitPartitions(RateLimitFault fault, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ClockedRateLimiter> _limiters = new(StringComparer.Ordinal);

    public ClockedRateLimiter For(HttpRequestMessage? request) => _limiters.GetOrAdd(Key(request), _ => Create());

    private string Key(HttpRequestMessage? request) => fault.PartitionBy switch
    {
        RateLimitPartition.Host => request?.RequestUri?.IdnHost ?? string.Empty,
        RateLimitPartition.Header when request is not null && request.Headers.TryGetValues(fault.PartitionHeader!, out var values) =>
            string.Join(',', values),
        _ => string.Empty,
    };

    private ClockedRateLimiter Create() => fault.Algorithm switch
    {
        RateLimitAlgorithm.TokenBucket => new TokenBucketClockedLimiter(clock, fault.PermitLimit, fault.Window, fault.TokensPerPeriod ?? fault.PermitLimit),
        RateLimitAlgorithm.SlidingWindow => new SlidingWindowClockedLimiter(clock, fault.PermitLimit, fault.Window, fault.SegmentsPerWindow),
        _ => new FixedWindowClockedLimiter(clock, fault.PermitLimit, fault.Window),
    };
}
