using FaultLab.Testing;

namespace FaultLab.Testing.Tests;

public sealed class TestClockTests
{
    [Fact]
    public async Task RunUntilComplete_jumps_to_each_due_timer_so_delays_elapse_exactly()
    {
        var clock = new TestClock();

        async Task<TimeSpan> TwoDelays()
        {
            await Task.Delay(TimeSpan.FromSeconds(2), clock);
            await Task.Delay(TimeSpan.FromMilliseconds(1500), clock);
            return clock.Elapsed;
        }

        Assert.Equal(TimeSpan.FromSeconds(3.5), await clock.RunUntilComplete(TwoDelays()));
        Assert.Null(clock.NextDue);
    }

    [Fact]
    public async Task RunUntilComplete_gives_up_after_the_fake_time_limit()
    {
        var clock = new TestClock();

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => clock.RunUntilComplete(Task.Delay(TimeSpan.FromHours(1), clock), limit: TimeSpan.FromMinutes(1)));

        Assert.Contains("00:01:00 of fake time", error.Message);
        Assert.Equal(TimeSpan.FromMinutes(1), clock.Elapsed);
    }

    [Fact]
    public async Task RunUntilComplete_says_so_when_the_call_waits_on_something_other_than_the_clock()
    {
        var clock = new TestClock();
        var never = new TaskCompletionSource();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => clock.RunUntilComplete(never.Task));

        Assert.Contains("nothing waits on the clock", error.Message);
    }

    [Fact]
    public void Timer_delay_keeps_whole_milliseconds_like_FakeTimeProvider()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(3854), TestClock.TimerDelay(TimeSpan.FromTicks(38_549_819)));
    }
}
