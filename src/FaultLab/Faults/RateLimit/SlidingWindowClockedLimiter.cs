namespace FaultLab.RateLimiting;

/// <summary>
/// At most <c>limit</c> permits in any window made of <c>segments</c> equal segments; permits taken in a segment
/// return when that segment slides out. Because the segments are ours, the time until a permit frees is exact.
/// </summary>
internal sealed class SlidingWindowClockedLimiter : ClockedRateLimiter
{
    private readonly DateTimeOffset _origin;
    private readonly int _limit;
    private readonly TimeSpan _segment;
    private readonly int[] _taken;
    private long _segmentIndex;

    public SlidingWindowClockedLimiter(TimeProvider clock, int limit, TimeSpan window, int segments)
        : base(clock)
    {
        _origin = clock.GetUtcNow();
        _limit = limit;
        _segment = window / segments;
        _taken = new int[segments];
    }

    public override int Limit => _limit;

    public override TimeSpan TimeUntilNextPermit()
    {
        lock (Sync)
        {
            Slide();
            int inWindow = _taken.Sum();
            if (inWindow < _limit)
            {
                return TimeSpan.Zero;
            }

            // Walk the segments oldest first: the first that holds permits frees them when it slides out.
            for (int age = _taken.Length - 1; age >= 0; age--)
            {
                if (Taken(age) > 0)
                {
                    return SegmentEnd(_segmentIndex - age + _taken.Length - 1) - Now;
                }
            }

            return TimeSpan.Zero;
        }
    }

    public override TimeSpan TimeUntilReset()
    {
        lock (Sync)
        {
            Slide();
            for (int age = 0; age < _taken.Length; age++)
            {
                if (Taken(age) > 0)
                {
                    return SegmentEnd(_segmentIndex - age + _taken.Length - 1) - Now;
                }
            }

            return TimeSpan.Zero;
        }
    }

    protected override long AvailablePermits()
    {
        lock (Sync)
        {
            Slide();
            return _limit - _taken.Sum();
        }
    }

    protected override bool TryTake(int permitCount)
    {
        Slide();
        if (_taken.Sum() + permitCount > _limit)
        {
            return false;
        }

        _taken[_segmentIndex % _taken.Length] += permitCount;
        return true;
    }

    private int Taken(int age) => _taken[(int)((_segmentIndex - age) % _taken.Length + _taken.Length) % _taken.Length];

    private DateTimeOffset SegmentEnd(long segmentIndex) => _origin + (_segment * (segmentIndex + 1));

    private void Slide()
    {
        long current = (Now - _origin).Ticks / _segment.Ticks;
        for (long s = _segmentIndex + 1; s <= current && s <= _segmentIndex + _taken.Length; s++)
        {
            _taken[s % _taken.Length] = 0;
        }

        _segmentIndex = Math.Max(_segmentIndex, current);
    }
}
