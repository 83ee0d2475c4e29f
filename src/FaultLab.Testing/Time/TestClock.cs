using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are pending and when the next one is due, so
/// <see cref="ClockExtensions.RunUntilComplete(FakeTimeProvider, Task, TimeSpan?, TimeSpan?)"/> can jump straight to
/// it: a retry delay with jitter, a timeout or a rate-limit window then elapses exactly, in no real time.
/// Starts at a fixed instant so failures reproduce.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    /// <summary>The instant a clock created without one starts at.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _pending = [];
    private long _version;
    private long _schedules;

    /// <summary>Creates a clock at <see cref="DefaultStart"/>.</summary>
    public TestClock()
        : this(DefaultStart)
    {
    }

    /// <summary>Creates a clock at <paramref name="start"/>.</summary>
    /// <param name="start">The initial time.</param>
    public TestClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Gets how much fake time has passed since the clock started.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>Gets when the earliest pending timer is due, or <see langword="null"/> when nothing waits on the clock.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0 ? null : _pending.Min(t => t.Due);
            }
        }
    }

    /// <summary>How long a delay really waits for <paramref name="requested"/>: <c>Task.Delay</c> and
    /// <c>TimeProvider.Delay</c> (what Polly waits with) hand the timer whole milliseconds, so a jittered retry delay of
    /// 3.8549819 s elapses as 3.854 s. Use it to assert elapsed fake time. (A timer created directly keeps its ticks.)</summary>
    /// <param name="requested">The delay asked for.</param>
    /// <returns>The delay the timer waits.</returns>
    public static TimeSpan TimerDelay(TimeSpan requested) => TimeSpan.FromMilliseconds((long)requested.TotalMilliseconds);

    /// <summary>Gets how many times a timer was set to a finite due time: the call under test starting to wait on the clock.</summary>
    internal long Schedules => Interlocked.Read(ref _schedules);

    /// <summary>Gets a number that changes whenever a timer is created, changed, fired or disposed: a sign of progress.</summary>
    internal long Version => Interlocked.Read(ref _version);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);

        // Tracked before the real timer exists: a zero due time fires inside base.CreateTimer.
        var tracked = new TrackedTimer(this);
        tracked.Schedule(dueTime, period);
        tracked.Inner = base.CreateTimer(s =>
        {
            tracked.Fired();
            callback(s);
        }, state, dueTime, period);
        return tracked;
    }

    internal void Track(TrackedTimer timer, DateTimeOffset? due)
    {
        lock (_gate)
        {
            if (due is null)
            {
                _pending.Remove(timer);
            }
            else
            {
                timer.Due = due.Value;
                _pending.Add(timer);
                _schedules++;
            }
        }

        Interlocked.Increment(ref _version);
    }
}
