using System.Net;
using FaultLab.Tests.Support;

namespace FaultLab.Tests;

/// <summary>When a scheduled fault is active: the exact edges of a window and of a flapping cycle, on the fake clock,
/// and the validation message of every impossible schedule, with its path.</summary>
public sealed class FaultScheduleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void A_window_is_active_from_its_start_inclusive_to_its_end_exclusive()
    {
        var window = new FaultSchedule { Start = TimeSpan.FromSeconds(10), Duration = TimeSpan.FromSeconds(5) };

        Assert.False(window.IsActive(TimeSpan.Zero));
        Assert.False(window.IsActive(TimeSpan.FromSeconds(10) - Tick));
        Assert.True(window.IsActive(TimeSpan.FromSeconds(10)));
        Assert.True(window.IsActive(TimeSpan.FromSeconds(15) - Tick));
        Assert.False(window.IsActive(TimeSpan.FromSeconds(15)));
        Assert.False(window.IsActive(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_window_without_a_duration_stays_active_forever_once_started()
    {
        var forever = new FaultSchedule { Start = TimeSpan.FromSeconds(3) };

        Assert.False(forever.IsActive(TimeSpan.FromSeconds(3) - Tick));
        Assert.True(forever.IsActive(TimeSpan.FromSeconds(3)));
        Assert.True(forever.IsActive(TimeSpan.FromDays(30)));
        Assert.True(new FaultSchedule().IsActive(TimeSpan.Zero));
    }

    [Fact]
    public void Flapping_is_up_then_down_and_repeats_its_cycle_from_the_start()
    {
        // Up 1 s (inactive), down 2 s (active), a 3 s cycle from Start = 4 s.
        var flapping = new FaultSchedule { Start = TimeSpan.FromSeconds(4), Up = TimeSpan.FromSeconds(1), Down = TimeSpan.FromSeconds(2) };

        bool At(double seconds) => flapping.IsActive(TimeSpan.FromSeconds(seconds));

        Assert.False(flapping.IsActive(TimeSpan.FromSeconds(4) - Tick)); // before Start
        Assert.False(At(4));                                              // up
        Assert.False(flapping.IsActive(TimeSpan.FromSeconds(5) - Tick));
        Assert.True(At(5));                                               // down begins exactly after Up
        Assert.True(flapping.IsActive(TimeSpan.FromSeconds(7) - Tick));
        Assert.False(At(7));                                              // the second cycle starts up
        Assert.True(At(8));
        Assert.False(At(4 + (3 * 100)));                                  // cycle 100, still on the same beat
        Assert.True(At(4 + (3 * 100) + 1.5));
    }

    [Fact]
    public async Task A_scheduled_fault_fires_only_inside_its_window_on_the_injected_clock()
    {
        using var clients = Clients.Create(f => f.AddStatus(s =>
        {
            s.StatusCode = 503;
            s.Schedule = new FaultSchedule { Start = TimeSpan.FromSeconds(10), Duration = TimeSpan.FromSeconds(5) };
        }));
        var client = clients.Client;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(10) - Tick);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        clients.TimeProvider.Advance(Tick);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/a")).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(5) - Tick);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/a")).StatusCode);
        clients.TimeProvider.Advance(Tick);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        Assert.Equal(3, clients.Upstream.Calls);
    }

    [Fact]
    public void The_smallest_valid_schedules_pass_validation()
    {
        Assert.Empty(Validate(new FaultSchedule { Start = TimeSpan.Zero, Duration = Tick }));
        Assert.Empty(Validate(new FaultSchedule { Up = Tick, Down = Tick }));
        Assert.Empty(Validate(new FaultSchedule()));
    }

    [Fact]
    public void Every_impossible_window_setting_is_named_with_its_value()
    {
        Assert.Equal(
        [
            "Faults:0:Schedule:Start: must not be negative (was -00:00:01).",
            "Faults:0:Schedule:Duration: must be positive (was 00:00:00).",
        ], Validate(new FaultSchedule { Start = TimeSpan.FromSeconds(-1), Duration = TimeSpan.Zero }));
        Assert.Equal(["Faults:0:Schedule:Duration: must be positive (was -00:00:02)."],
            Validate(new FaultSchedule { Duration = TimeSpan.FromSeconds(-2) }));
    }

    [Fact]
    public void Flapping_needs_both_periods_positive_and_no_duration()
    {
        Assert.Equal(["Faults:0:Schedule:Up: flapping needs a positive Up period (was missing)."],
            Validate(new FaultSchedule { Down = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:Schedule:Down: flapping needs a positive Down period (was missing)."],
            Validate(new FaultSchedule { Up = TimeSpan.FromSeconds(1) }));
        Assert.Equal(
        [
            "Faults:0:Schedule:Up: flapping needs a positive Up period (was 00:00:00).",
            "Faults:0:Schedule:Down: flapping needs a positive Down period (was -00:00:01).",
            "Faults:0:Schedule:Duration: a schedule is either a window (Duration) or flapping (Up/Down), not both.",
        ], Validate(new FaultSchedule { Up = TimeSpan.Zero, Down = TimeSpan.FromSeconds(-1), Duration = TimeSpan.FromSeconds(1) }));
    }

    private static IReadOnlyList<string> Validate(FaultSchedule schedule)
    {
        var profile = new FaultInjectionOptions();
        profile.Faults.Add(new HangFault { Schedule = schedule });
        return profile.Validate();
    }
}
