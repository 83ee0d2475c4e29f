using System.Threading.RateLimiting;

namespace FaultLab.RateLimiting;

/// <summary>
/// A <see cref="RateLimiter"/> whose time is an injected <see cref="TimeProvider"/>. The BCL limiters read
/// <c>Stopwatch</c> directly even when replenished by hand, so they cannot run on a fake clock; these keep the BCL's
/// abstractions (leases, <see cref="MetadataName.RetryAfter"/>, statistics) and compute state lazily from the clock,
/// with no timers. Queueing is not simulated: a server answers 429 at once.
/// </summary>
internal abstract class ClockedRateLimiter(TimeProvider clock) : RateLimiter
{
    protected readonly Lock Sync = new();
    private long _successful;
    private long _failed;

    public abstract int Limit { get; }

    public override TimeSpan? IdleDuration => null;

    protected DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>How long until the next permit is really available (zero when one is).</summary>
    public abstract TimeSpan TimeUntilNextPermit();

    /// <summary>How long until the quota is fully restored.</summary>
    public abstract TimeSpan TimeUntilReset();

    public override RateLimiterStatistics GetStatistics() => new()
    {
        CurrentAvailablePermits = AvailablePermits(),
        TotalSuccessfulLeases = Interlocked.Read(ref _successful),
        TotalFailedLeases = Interlocked.Read(ref _failed),
    };

    protected abstract long AvailablePermits();

    protected abstract bool TryTake(int permitCount);

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (Sync)
        {
            if (TryTake(permitCount))
            {
                Interlocked.Increment(ref _successful);
                return ClockedLease.Acquired;
            }

            Interlocked.Increment(ref _failed);
            return new ClockedLease(false, TimeUntilNextPermit());
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        new(AttemptAcquireCore(permitCount));

    private sealed class ClockedLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly ClockedLease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
