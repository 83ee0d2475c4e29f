namespace FaultLab.Testing.Tests.Time;

/// <summary>
/// When RunUntilComplete may advance the clock again: the settle decision on made-up samples, so its edges are pinned
/// without a real-time assertion (the sampling loop around it is the only part that reads real time).
/// </summary>
public sealed class SettleWatchTests
{
    private static readonly SignsOfLife Still = new(ClockVersion: 3, WorkItems: 40, JitCompiled: 900, Exceptions: 2);

    // A process that has used CPU before: the budget counts from each quiet period's start, not from zero.
    private static readonly TimeSpan CpuAtStart = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Five_quiet_milliseconds_with_idle_cpu_settle_and_one_tick_less_does_not()
    {
        var watch = new SettleWatch(Still, CpuAtStart);

        Assert.False(watch.Settled(Ms(1), Still, workPending: false, CpuAtStart));
        Assert.False(watch.Settled(Ms(5) - Tick, Still, workPending: false, CpuAtStart + Ms(0.5)));
        Assert.True(watch.Settled(Ms(5), Still, workPending: false, CpuAtStart + Ms(0.5)));
    }

    [Theory]
    [InlineData(1, 0, 0, 0)]
    [InlineData(0, 1, 0, 0)]
    [InlineData(0, 0, 1, 0)]
    [InlineData(0, 0, 0, 1)]
    public void Any_sign_of_life_starts_the_quiet_period_again(long timers, long workItems, long compiled, long exceptions)
    {
        var watch = new SettleWatch(Still, CpuAtStart);
        var moved = new SignsOfLife(Still.ClockVersion + timers, Still.WorkItems + workItems, Still.JitCompiled + compiled, Still.Exceptions + exceptions);

        Assert.False(watch.Settled(Ms(3), moved, workPending: false, CpuAtStart));
        Assert.False(watch.Settled(Ms(8) - Tick, moved, workPending: false, CpuAtStart)); // quiet since 3 ms only
        Assert.True(watch.Settled(Ms(8), moved, workPending: false, CpuAtStart));
    }

    [Fact]
    public void Work_waiting_in_the_thread_pool_starts_the_quiet_period_again()
    {
        var watch = new SettleWatch(Still, CpuAtStart);

        Assert.False(watch.Settled(Ms(6), Still, workPending: true, CpuAtStart));
        Assert.False(watch.Settled(Ms(11) - Tick, Still, workPending: false, CpuAtStart));
        Assert.True(watch.Settled(Ms(11), Still, workPending: false, CpuAtStart));
    }

    [Fact]
    public void A_quiet_period_may_use_one_millisecond_of_cpu_and_more_starts_another()
    {
        var idle = new SettleWatch(Still, CpuAtStart);
        var busy = new SettleWatch(Still, CpuAtStart);

        Assert.True(idle.Settled(Ms(5), Still, workPending: false, CpuAtStart + Ms(1)));
        Assert.False(busy.Settled(Ms(5), Still, workPending: false, CpuAtStart + Ms(1) + Tick));
        // The new period counts from 5 ms and from the CPU time then: it needs five more quiet milliseconds.
        Assert.False(busy.Settled(Ms(10) - Tick, Still, workPending: false, CpuAtStart + Ms(1) + Tick));
        Assert.True(busy.Settled(Ms(10), Still, workPending: false, CpuAtStart + Ms(2)));
    }

    [Fact]
    public void Busy_cpu_holds_a_quiet_call_back_for_at_most_fifty_milliseconds_from_its_first_quiet_period()
    {
        // Other tests beside this one keep the process's CPU busy: two more milliseconds in every five-millisecond period.
        var watch = new SettleWatch(Still, CpuAtStart);
        var decisions = new List<bool>();
        for (int ms = 5; ms <= 55; ms += 5)
        {
            decisions.Add(watch.Settled(Ms(ms), Still, workPending: false, CpuAtStart + Ms(ms / 5 * 2.0)));
        }

        // The first quiet period ends at 5 ms; 50 ms later quiet alone settles it, not a period before.
        Assert.Equal([false, false, false, false, false, false, false, false, false, false, true], decisions);
    }

    [Fact]
    public void The_cpu_bound_counts_from_the_first_quiet_period_not_from_the_latest()
    {
        var watch = new SettleWatch(Still, CpuAtStart);
        TimeSpan cpu = CpuAtStart;
        Assert.False(watch.Settled(Ms(20), Still, workPending: false, cpu += Ms(2))); // first quiet period, CPU busy

        // Signs of life come and go after it, but the bound still runs from 20 ms.
        var moved = Still with { WorkItems = Still.WorkItems + 1 };
        Assert.False(watch.Settled(Ms(30), moved, workPending: false, cpu));
        Assert.False(watch.Settled(Ms(64), moved, workPending: false, cpu += Ms(2))); // 44 ms after the first
        Assert.True(watch.Settled(Ms(70), moved, workPending: false, cpu += Ms(2)));
    }

    [Fact]
    public void An_advance_fires_the_timer_it_reaches_as_well_as_one_it_passes()
    {
        var now = TestClock.DefaultStart;

        Assert.True(ClockExtensions.FiresTimer(now, Ms(100), now + Ms(100)));
        Assert.True(ClockExtensions.FiresTimer(now, Ms(100), now + Ms(50)));
        Assert.False(ClockExtensions.FiresTimer(now, Ms(100) - Tick, now + Ms(100)));
        Assert.False(ClockExtensions.FiresTimer(now, Ms(100), due: null));
    }

    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
