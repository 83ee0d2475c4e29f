namespace FaultLab.Control.Tests;

/// <summary>A clock whose time and timers are moved by the test separately: it can be late (the time passed, the timer
/// has not fired yet, as on a busy machine), and it records every due time a timer was set to.</summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];

    public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ManualTimer Timer => Assert.Single(_timers);

    public IReadOnlyList<ManualTimer> Timers => _timers;

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(() => callback(state));
        timer.Change(dueTime, period);
        _timers.Add(timer);
        return timer;
    }
}

/// <summary>A timer that fires only when the test says so, remembering what it was set to.</summary>
internal sealed class ManualTimer(Action fire) : ITimer
{
    /// <summary>Gets every due time the timer was given, in order (<see cref="Timeout.InfiniteTimeSpan"/> when stopped).</summary>
    public List<TimeSpan> DueTimes { get; } = [];

    public TimeSpan Due => DueTimes[^1];

    public TimeSpan Period { get; private set; }

    public bool Disposed { get; private set; }

    public void Fire() => fire();

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        // The real timers refuse negative due times other than Infinite; so does this one.
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime));
        }

        DueTimes.Add(dueTime);
        Period = period;
        return true;
    }

    public void Dispose() => Disposed = true;

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
