using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Testing.Tests.Time;

/// <summary>What the test clock knows about its timers (when the next is due), and how RunUntilComplete drives it.</summary>
public sealed class TestClockTimerTests
{
    private static readonly DateTimeOffset Start = TestClock.DefaultStart;

    [Fact]
    public void A_new_clock_starts_at_a_fixed_instant_or_the_one_given()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TestClock.DefaultStart);
        Assert.Equal(Start, new TestClock().GetUtcNow());
        var at = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new TestClock(at);
        Assert.Equal(at, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(90), clock.Elapsed);
    }

    [Fact]
    public void Next_due_is_the_earliest_pending_timer_and_null_when_nothing_waits()
    {
        var clock = new TestClock();
        Assert.Null(clock.NextDue);

        using var late = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        Assert.Equal(Start.AddSeconds(2), clock.NextDue);

        early.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Equal(Start.AddSeconds(5), clock.NextDue);

        late.Dispose();
        Assert.Null(clock.NextDue);
    }

    [Fact]
    public void A_timer_that_fired_once_is_no_longer_due_and_a_periodic_one_is_due_a_period_later()
    {
        var clock = new TestClock();
        int once = 0, periodic = 0;
        using var single = clock.CreateTimer(_ => once++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var repeating = clock.CreateTimer(_ => periodic++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((1, 1), (once, periodic));
        Assert.Equal(Start.AddSeconds(4), clock.NextDue);

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(2, periodic);
        Assert.Equal(Start.AddSeconds(7), clock.NextDue);
    }

    [Fact]
    public void A_zero_period_fires_once()
    {
        var clock = new TestClock();
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.Zero);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, fired);
        Assert.Null(clock.NextDue);
    }

    [Fact]
    public void Next_due_is_when_the_fake_timer_really_fires_to_the_tick()
    {
        // FakeTimeProvider fires a timer created directly at its exact due tick (Task.Delay is what rounds to milliseconds).
        var clock = new TestClock();
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromTicks(38_549_819), Timeout.InfiniteTimeSpan);
        Assert.Equal(Start.AddTicks(38_549_819), clock.NextDue);

        timer.Change(TimeSpan.FromTicks(15_999), TimeSpan.FromTicks(25_000));
        Assert.Equal(Start.AddTicks(15_999), clock.NextDue);
        clock.Advance(TimeSpan.FromTicks(15_998));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, fired);
        Assert.Equal(Start.AddTicks(15_999 + 25_000), clock.NextDue);
    }

    [Fact]
    public async Task A_timer_of_fractional_milliseconds_elapses_exactly_and_a_delay_as_whole_milliseconds()
    {
        var timerClock = new TestClock();
        var fired = new TaskCompletionSource();
        using var timer = timerClock.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromTicks(38_549_819), Timeout.InfiniteTimeSpan);
        var delayClock = new TestClock();

        await timerClock.RunUntilComplete(fired.Task);
        await delayClock.RunUntilComplete(Task.Delay(TimeSpan.FromTicks(38_549_819), delayClock));

        Assert.Equal(TimeSpan.FromTicks(38_549_819), timerClock.Elapsed);
        Assert.Equal(TestClock.TimerDelay(TimeSpan.FromTicks(38_549_819)), delayClock.Elapsed);
    }

    [Fact]
    public async Task A_timer_disposed_asynchronously_is_no_longer_due()
    {
        var clock = new TestClock();
        var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await ((IAsyncDisposable)timer).DisposeAsync();

        Assert.Null(clock.NextDue);
        Assert.True(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan) || true); // changing a disposed timer does not throw
        Assert.Throws<ArgumentNullException>(() => clock.CreateTimer(null!, null, TimeSpan.Zero, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_plain_fake_clock_is_advanced_by_the_step_and_100_ms_by_default()
    {
        var byDefault = new FakeTimeProvider(Start);
        var byStep = new FakeTimeProvider(Start);

        await byDefault.RunUntilComplete(Task.Delay(TimeSpan.FromMilliseconds(250), byDefault));
        await byStep.RunUntilComplete(Task.Delay(TimeSpan.FromMilliseconds(250), byStep), step: TimeSpan.FromMilliseconds(40));

        Assert.Equal(Start.AddMilliseconds(300), byDefault.GetUtcNow());
        Assert.Equal(Start.AddMilliseconds(280), byStep.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(100), ClockExtensions.DefaultStep);
    }

    [Fact]
    public async Task A_test_clock_advances_at_most_one_step_at_a_time()
    {
        var clock = new TestClock();
        var seen = new List<TimeSpan>();
        using var ticker = clock.CreateTimer(_ => seen.Add(clock.Elapsed), null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));

        // A periodic 1 ms timer would be due at every step; the step alone decides how far one advance goes.
        await clock.RunUntilComplete(Task.Delay(TimeSpan.FromMilliseconds(10), clock), step: TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromMilliseconds(10), clock.Elapsed);
    }

    [Fact]
    public async Task RunUntilComplete_returns_the_call_s_result_and_rethrows_its_exception()
    {
        var clock = new TestClock();

        async Task<int> Answer()
        {
            await Task.Delay(TimeSpan.FromSeconds(3), clock);
            return 42;
        }

        async Task Fail()
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            throw new InvalidDataException("broken");
        }

        Assert.Equal(42, await clock.RunUntilComplete(Answer()));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => clock.RunUntilComplete(Fail()));
        Assert.Equal("broken", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(4), clock.Elapsed);
        await clock.RunUntilComplete(Task.CompletedTask);
        Assert.Equal(TimeSpan.FromSeconds(4), clock.Elapsed);
    }

    [Fact]
    public async Task The_limit_stops_exactly_at_its_end_and_the_message_says_when()
    {
        var clock = new TestClock();

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            clock.RunUntilComplete(Task.Delay(TimeSpan.FromSeconds(100), clock), step: TimeSpan.FromSeconds(3), limit: TimeSpan.FromSeconds(10)));

        Assert.Equal("The call was still pending after 00:00:10 of fake time (now 2026-01-01T00:00:10.0000000+00:00).", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
    }

    [Fact]
    public async Task A_call_ending_exactly_at_the_limit_completes()
    {
        var clock = new TestClock();

        await clock.RunUntilComplete(Task.Delay(TimeSpan.FromSeconds(10), clock), limit: TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
    }

    [Fact]
    public async Task A_step_must_be_positive_and_arguments_are_required()
    {
        var clock = new TestClock();

        var zero = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clock.RunUntilComplete(Task.CompletedTask, step: TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clock.RunUntilComplete(Task.CompletedTask, step: TimeSpan.FromMilliseconds(-1)));
        Assert.Equal("step", zero.ParamName);
        Assert.StartsWith("The step must be positive.", zero.Message, StringComparison.Ordinal);
        await clock.RunUntilComplete(Task.CompletedTask, step: TimeSpan.FromTicks(1));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ((FakeTimeProvider)null!).RunUntilComplete(Task.CompletedTask));
        await Assert.ThrowsAsync<ArgumentNullException>(() => clock.RunUntilComplete(null!));
    }

    [Fact]
    public void The_clock_replaces_every_TimeProvider_the_application_registered()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());

        TestClock clock = services.AddTestClock();

        Assert.Same(clock, Assert.Single(services, d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance);
        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        var fake = new FakeTimeProvider();
        Assert.Same(services, services.UseFakeTimeProvider(fake));
        Assert.Same(fake, Assert.Single(services, d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance);
        Assert.Throws<ArgumentNullException>(() => services.UseFakeTimeProvider(null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).UseFakeTimeProvider(fake));
    }
}
