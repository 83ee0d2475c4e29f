namespace FaultLab.RateLimiting;

/// <summary>At most <c>limit</c> permits per window; windows are aligned to the limiter's creation time.</summary>
internal sealed class FixedWindowClockedLimiter(TimeProvider clock, int limit, TimeSpan window) : ClockedRateLimiter(clock)
{
    private readonly DateTimeOffset _origin = clock.GetUtcNow();
    private long _windowIndex;
    private int _used;

    public override int Limit => limit;

    public override TimeSpan TimeUntilNextPermit()
    {
        lock (Sync)
        {
            Roll();
            return _used < limit ? TimeSpan.Zero : TimeUntilReset();
        }
    }

    public override TimeSpan TimeUntilReset() => _origin + (window * (CurrentWindow() + 1)) - Now;

    protected override long AvailablePermits()
    {
        lock (Sync)
        {
            Roll();
            return limit - _used;
        }
    }

    protected override bool TryTake(int permitCount)
    {
        Roll();
        if (_used + permitCount > limit)
        {
            return false;
        }

        _used += permitCount;
        return true;
    }

    private long CurrentWindow() => (Now - _origin).Ticks / window.Ticks;

    private void Roll()
    {
        long current = CurrentWindow();
        if (current != _windowIndex)
        {
            _windowIndex = current;
            _used = 0;
        }
    }
}
