namespace FaultLab.Testing;

/// <summary>A fake timer that tells its <see cref="TestClock"/> when it is next due (or no longer due at all).</summary>
internal sealed class TrackedTimer(TestClock clock) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    public ITimer? Inner { get; set; }

    /// <summary>Gets or sets when the timer is next due; written by the clock under its lock.</summary>
    public DateTimeOffset Due { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Schedule(dueTime, period);
        return Inner?.Change(dueTime, period) ?? true;
    }

    public void Schedule(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        SetDue(dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime);
    }

    public void Fired() =>
        SetDue(_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : clock.GetUtcNow() + _period);

    public void Dispose()
    {
        SetDue(null);
        Inner?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void SetDue(DateTimeOffset? due) => clock.Track(this, due);
}
