namespace FaultLab.RateLimiting;

/// <summary>A bucket of <c>limit</c> tokens, starting full, refilled by <c>tokensPerPeriod</c> at each period boundary.</summary>
internal sealed class TokenBucketClockedLimiter(TimeProvider clock, int limit, TimeSpan period, int tokensPerPeriod)
    : ClockedRateLimiter(clock)
{
    private readonly DateTimeOffset _origin = clock.GetUtcNow();
    private long _periodIndex;
    private long _tokens = limit;

    public override int Limit => limit;

    public override TimeSpan TimeUntilNextPermit()
    {
        lock (Sync)
        {
            Refill();
            return _tokens > 0 ? TimeSpan.Zero : NextBoundary() - Now;
        }
    }

    public override TimeSpan TimeUntilReset()
    {
        lock (Sync)
        {
            Refill();
            long missing = limit - _tokens;
            if (missing <= 0)
            {
                return TimeSpan.Zero;
            }

            long periods = (missing + tokensPerPeriod - 1) / tokensPerPeriod;
            return NextBoundary() + (period * (periods - 1)) - Now;
        }
    }

    protected override long AvailablePermits()
    {
        lock (Sync)
        {
            Refill();
            return _tokens;
        }
    }

    protected override bool TryTake(int permitCount)
    {
        Refill();
        if (_tokens < permitCount)
        {
            return false;
        }

        _tokens -= permitCount;
        return true;
    }

    private DateTimeOffset NextBoundary() => _origin + (period * (_periodIndex + 1));

    private void Refill()
    {
        long current = (Now - _origin).Ticks / period.Ticks;
        // Stryker disable once Equality : in the same period (current == _periodIndex) the refill adds 0 tokens and keeps the index
        if (current > _periodIndex)
        {
            _tokens = Math.Min(limit, _tokens + ((current - _periodIndex) * tokensPerPeriod));
            _periodIndex = current;
        }
    }
}
