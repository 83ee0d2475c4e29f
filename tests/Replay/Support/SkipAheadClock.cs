namespace FaultLab.Replay.Tests.Support;

/// <summary>
/// A fake clock on which every wait ends at once, with the time moved on by the wait: a request delayed by 40 ms
/// completes immediately and the clock reads 40 ms later. Sequential runs of thousands of delayed requests take no
/// real time, and each request's injected delay is exactly the clock's advance.
/// </summary>
internal sealed class SkipAheadClock : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FiredTimer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _now += dueTime;
            }

            Interlocked.Add(ref _ticks, dueTime.Ticks);
            // Fired after CreateTimer has returned, as a real timer would, never inside its caller's set-up.
            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }

        return timer;
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
