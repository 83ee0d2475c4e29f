using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Control.Tests;

public sealed class FaultControllerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly OkHandler _dependency = new();

    [Fact]
    public async Task A_lease_nobody_renews_expires_after_its_duration_and_the_faults_go_with_it()
    {
        var live = new LiveFaultProfile(new FaultInjectionOptions());
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock, LeaseDuration = TimeSpan.FromSeconds(30) });
        using var handler = FaultInjection.CreateHandler(live, _dependency, _clock);

        var lease = controller.Lease(Profiles.Status(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(30), lease.ExpiresAt);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Profiles.GetAsync(handler));

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Profiles.GetAsync(handler));
        Assert.Single(controller.Leases);

        _clock.Advance(TimeSpan.FromSeconds(1)); // the dead-man switch: 30 s without renewal
        Assert.Equal(HttpStatusCode.OK, await Profiles.GetAsync(handler));
        Assert.Empty(controller.Leases);
        Assert.Empty(controller.Faults);
        Assert.Equal(1, _dependency.Count);
    }

    [Fact]
    public async Task A_renewed_lease_outlives_its_duration_and_ending_it_removes_only_its_faults()
    {
        var live = new LiveFaultProfile(Profiles.Status(HttpStatusCode.TooManyRequests, "baseline"));
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock, LeaseDuration = TimeSpan.FromSeconds(10) });
        using var handler = FaultInjection.CreateHandler(live, _dependency, _clock);
        controller.SetEnabled(false);

        var lease = controller.Lease(Profiles.Status(HttpStatusCode.ServiceUnavailable));
        for (int i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(8));
            Assert.NotNull(controller.Renew(lease.Id));
        }

        Assert.Equal(["profile-0", lease.FaultIds[0]], controller.Faults.Select(f => f.Id));
        controller.SetEnabled(true);
        Assert.Equal(HttpStatusCode.TooManyRequests, await Profiles.GetAsync(handler)); // the profile's fault comes first

        Assert.True(controller.Remove("profile-0"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Profiles.GetAsync(handler));
        Assert.True(controller.EndLease(lease.Id));
        Assert.Equal(HttpStatusCode.OK, await Profiles.GetAsync(handler));
        Assert.Null(controller.Renew(lease.Id));
        Assert.False(controller.EndLease(lease.Id));
    }

    [Fact]
    public async Task Off_on_switch_profile_clear_and_reset_change_what_requests_meet()
    {
        var live = new LiveFaultProfile(Profiles.Status(HttpStatusCode.ServiceUnavailable));
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock, ProfileName = "flaky" });
        using var handler = FaultInjection.CreateHandler(live, _dependency, _clock);
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Profiles.GetAsync(handler));
        controller.SetEnabled(false);
        Assert.False(controller.Enabled);
        Assert.Equal(HttpStatusCode.OK, await Profiles.GetAsync(handler));
        controller.SetEnabled(true);
        controller.SwitchProfile("throttled", Profiles.Status(HttpStatusCode.TooManyRequests));
        Assert.Equal("throttled", controller.ProfileName);
        Assert.Equal(HttpStatusCode.TooManyRequests, await Profiles.GetAsync(handler));
        controller.Clear();
        Assert.Empty(controller.Faults);
        Assert.Equal(HttpStatusCode.OK, await Profiles.GetAsync(handler));

        controller.Reset();
        Assert.Null(live.Override); // the baseline is in force again, untouched
        Assert.Equal("flaky", controller.ProfileName);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Profiles.GetAsync(handler));
        Assert.Equal(5, changes);
    }

    [Fact]
    public void An_invalid_fault_is_refused_with_its_setting_path_and_changes_nothing()
    {
        var live = new LiveFaultProfile(new FaultInjectionOptions());
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock });
        var fault = FaultJson.ReadFault("""{ "Kind": "Status", "StatusCode": 503 }""", out _)!;
        fault.InjectionRate = 2;

        var error = Assert.Throws<ArgumentException>(() => controller.Add(fault));
        Assert.Contains("InjectionRate: must be between 0 and 1 inclusive (was 2).", error.Message);
        Assert.Empty(controller.Faults);
        Assert.Null(live.Override);
    }

    [Fact]
    public void A_lease_duration_of_zero_is_refused()
    {
        var live = new LiveFaultProfile(new FaultInjectionOptions());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FaultController(live, new FaultControllerOptions { LeaseDuration = TimeSpan.Zero }));
        Assert.Equal("options", error.ParamName);

        using var controller = new FaultController(live, new FaultControllerOptions { LeaseDuration = TimeSpan.FromTicks(1), TimeProvider = _clock });
        Assert.Equal(TimeSpan.FromTicks(1), controller.LeaseDuration);
        var lease = Assert.Throws<ArgumentOutOfRangeException>(() => controller.Lease(Named(HttpStatusCode.ServiceUnavailable), TimeSpan.Zero));
        Assert.Equal("duration", lease.ParamName);
        Assert.Empty(controller.Faults);
    }

    [Fact]
    public void The_defaults_are_a_30_second_lease_and_the_profile_name_profile()
    {
        using var controller = new FaultController(new LiveFaultProfile());

        Assert.Equal(TimeSpan.FromSeconds(30), controller.LeaseDuration);
        Assert.Equal("profile", controller.ProfileName);
        Assert.True(controller.Enabled);
        Assert.Empty(controller.Faults);
    }

    [Fact]
    public void Faults_are_off_while_the_baseline_itself_is_off_whatever_the_switch_says()
    {
        var baseline = Named(HttpStatusCode.ServiceUnavailable);
        baseline.Enabled = false;
        var live = new LiveFaultProfile(baseline);
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock });

        Assert.False(controller.Enabled);
        controller.SetEnabled(true);
        Assert.False(controller.Enabled);
        Assert.False(live.Override!.Enabled);
    }

    [Fact]
    public void Ids_number_the_profile_faults_from_zero_and_every_added_fault_and_lease_after_the_last()
    {
        var baseline = Named(HttpStatusCode.ServiceUnavailable);
        baseline.Faults.Add(Named(HttpStatusCode.BadGateway).Faults[0]);
        using var controller = new FaultController(new LiveFaultProfile(baseline), new FaultControllerOptions { TimeProvider = _clock });

        Assert.Equal("fault-1", controller.Add(Named(HttpStatusCode.TooManyRequests).Faults[0]));
        var twoFaults = Named(HttpStatusCode.InternalServerError);
        twoFaults.Faults.Add(Named(HttpStatusCode.GatewayTimeout).Faults[0]);
        var lease = controller.Lease(twoFaults);
        Assert.Equal("fault-5", controller.Add(Named(HttpStatusCode.Conflict).Faults[0]));

        Assert.Equal("lease-2", lease.Id);
        Assert.Equal(["fault-3", "fault-4"], lease.FaultIds);
        Assert.Equal(["profile-0", "profile-1", "fault-1", "fault-3", "fault-4", "fault-5"], controller.Faults.Select(f => f.Id));
        Assert.Equal([null, null, null, "lease-2", "lease-2", null], controller.Faults.Select(f => f.LeaseId));
        Assert.Equal([503, 502, 429, 500, 504, 409], controller.Faults.Select(f => ((StatusFault)f.Fault).StatusCode));
    }

    [Fact]
    public void Replace_keeps_the_place_and_the_lease_and_an_unknown_id_changes_nothing()
    {
        var live = new LiveFaultProfile(Named(HttpStatusCode.ServiceUnavailable));
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock });
        var lease = controller.Lease(Named(HttpStatusCode.BadGateway));
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        Assert.True(controller.Replace(lease.FaultIds[0], Named(HttpStatusCode.TooManyRequests).Faults[0]));
        Assert.Equal(1, changes);
        Assert.Equal([503, 429], live.Override!.Faults.Select(f => ((StatusFault)f).StatusCode));
        Assert.Equal("lease-1", controller.Faults[1].LeaseId);

        Assert.False(controller.Replace("fault-99", Named(HttpStatusCode.Conflict).Faults[0]));
        Assert.False(controller.Remove("fault-99"));
        Assert.Equal(1, changes);
        Assert.Equal(2, live.Override!.Faults.Count);
    }

    [Fact]
    public void Switching_to_an_invalid_profile_is_refused_and_keeps_the_current_one()
    {
        using var controller = new FaultController(new LiveFaultProfile(Named(HttpStatusCode.ServiceUnavailable)),
            new FaultControllerOptions { TimeProvider = _clock });
        var invalid = Named(HttpStatusCode.BadGateway);
        invalid.Faults[0].InjectionRate = -1;

        var error = Assert.Throws<ArgumentException>(() => controller.SwitchProfile("broken", invalid));
        Assert.Equal("profile", error.ParamName);
        Assert.StartsWith("Invalid fault profile: Faults:0:InjectionRate: must be between 0 and 1 inclusive (was -1).", error.Message);
        var lease = Assert.Throws<ArgumentException>(() => controller.Lease(invalid));
        Assert.StartsWith("Invalid fault profile: Faults:0:InjectionRate:", lease.Message);
        Assert.Equal("profile", controller.ProfileName);
        Assert.Equal(["profile-0"], controller.Faults.Select(f => f.Id));
        Assert.Empty(controller.Leases);
    }

    [Fact]
    public void Switching_profile_replaces_only_the_profile_faults_and_clearing_removes_every_fault_and_lease_keeping_the_seed()
    {
        var live = new LiveFaultProfile(Named(HttpStatusCode.ServiceUnavailable));
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock });
        string added = controller.Add(Named(HttpStatusCode.Conflict).Faults[0]);
        var next = Named(HttpStatusCode.TooManyRequests);
        next.Faults.Add(Named(HttpStatusCode.BadGateway).Faults[0]);
        next.Seed = 7;
        next.AllowInProduction = true;

        controller.SwitchProfile("throttled", next);

        Assert.Equal(["profile-0", "profile-1", added], controller.Faults.Select(f => f.Id));
        Assert.Equal([429, 502, 409], live.Override!.Faults.Select(f => ((StatusFault)f).StatusCode));
        Assert.Equal(7, live.Override.Seed);
        Assert.True(live.Override.AllowInProduction);
        Assert.True(live.Override.Enabled);

        var lease = controller.Lease(Named(HttpStatusCode.GatewayTimeout));
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        controller.Clear(); // the profile's, the added and the leased faults all go, and the lease with them
        Assert.Equal(1, changes);
        Assert.Empty(controller.Faults);
        Assert.Empty(controller.Leases);
        Assert.Null(controller.Renew(lease.Id));
        Assert.Equal("none", controller.ProfileName);
        Assert.Equal(7, live.Override!.Seed); // clearing keeps the seed: the same requests meet the same faults afterwards
        Assert.False(live.Override.AllowInProduction);
        Assert.Empty(live.Override.Faults);
    }

    [Fact]
    public async Task Reset_restarts_the_counters_and_ends_the_leases_and_their_timer()
    {
        var clock = new ManualClock();
        var live = new LiveFaultProfile(Profiles.Status(HttpStatusCode.ServiceUnavailable, "reset-baseline"));
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = clock, ClientName = "reset-test" });
        using var handler = FaultInjection.CreateHandler(live, _dependency, clock, clientName: "reset-test");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Profiles.GetAsync(handler));
        controller.SetEnabled(false);
        Assert.Equal(HttpStatusCode.OK, await Profiles.GetAsync(handler));
        controller.Lease(Named(HttpStatusCode.BadGateway));
        Assert.Equal(1, Assert.Single(controller.GetCounters().Injected, c => c.Key == "reset-baseline").Value);
        Assert.Equal(1, controller.GetCounters().InjectedTotal);
        Assert.Equal(1, controller.GetCounters().Forwarded);
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        controller.Reset();

        Assert.Equal(1, changes);
        Assert.True(controller.Enabled);
        Assert.Empty(controller.Leases);
        Assert.Equal(["profile-0"], controller.Faults.Select(f => f.Id));
        Assert.Equal(Timeout.InfiniteTimeSpan, clock.Timer.Due);
        Assert.Equal(0, controller.GetCounters().Forwarded);
        Assert.Equal(0, controller.GetCounters().InjectedTotal);
        Assert.Null(live.Override);
    }

    [Fact]
    public void The_dead_man_timer_is_set_to_the_earliest_lease_and_moves_with_renewals_and_ends()
    {
        var clock = new ManualClock();
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { TimeProvider = clock, LeaseDuration = TimeSpan.FromSeconds(30) });
        var timer = clock.Timer;
        Assert.Equal([Timeout.InfiniteTimeSpan], timer.DueTimes); // nothing to expire yet

        var first = controller.Lease(Named(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(TimeSpan.FromSeconds(30), timer.Due);
        Assert.Equal(clock.Now + TimeSpan.FromSeconds(30), first.ExpiresAt);

        clock.Now += TimeSpan.FromSeconds(5);
        var second = controller.Lease(Named(HttpStatusCode.BadGateway), TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(10), timer.Due); // the second one ends first now
        Assert.Equal(clock.Now + TimeSpan.FromSeconds(10), second.ExpiresAt);

        clock.Now += TimeSpan.FromSeconds(4);
        var renewed = controller.Renew(second.Id, TimeSpan.FromSeconds(60))!;
        Assert.Equal(clock.Now + TimeSpan.FromSeconds(60), renewed.ExpiresAt);
        Assert.Equal(second.FaultIds, renewed.FaultIds);
        Assert.Equal(TimeSpan.FromSeconds(21), timer.Due); // back to the first: 30 s from its start, 9 s ago
        Assert.Equal(clock.Now + TimeSpan.FromSeconds(30), controller.Renew(first.Id)!.ExpiresAt);
        Assert.Equal(TimeSpan.FromSeconds(30), timer.Due);
        Assert.Equal([(first.Id, clock.Now + TimeSpan.FromSeconds(30)), (second.Id, clock.Now + TimeSpan.FromSeconds(60))],
            controller.Leases.OrderBy(l => l.ExpiresAt).Select(l => (l.Id, l.ExpiresAt)));

        Assert.True(controller.EndLease(first.Id));
        Assert.Equal(TimeSpan.FromSeconds(60), timer.Due);
        Assert.True(controller.EndLease(second.Id));
        Assert.Equal(Timeout.InfiniteTimeSpan, timer.Due);
        Assert.Empty(controller.Faults);
    }

    [Fact]
    public void A_late_timer_expires_every_lease_past_its_time_and_keeps_the_others()
    {
        var clock = new ManualClock();
        var live = new LiveFaultProfile();
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = clock, LeaseDuration = TimeSpan.FromSeconds(10) });
        var timer = clock.Timer;
        var early = controller.Lease(Named(HttpStatusCode.ServiceUnavailable));
        var exact = controller.Lease(Named(HttpStatusCode.BadGateway), TimeSpan.FromSeconds(12));
        var later = controller.Lease(Named(HttpStatusCode.TooManyRequests), TimeSpan.FromSeconds(20));
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        clock.Now += TimeSpan.FromSeconds(12); // the timer was due at 10 s; the machine was busy
        timer.Fire();

        Assert.Equal([later.Id], controller.Leases.Select(l => l.Id));
        Assert.Equal(later.FaultIds, controller.Faults.Select(f => f.Id));
        Assert.Equal([429], live.Override!.Faults.Select(f => ((StatusFault)f).StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(8), timer.Due);
        Assert.Equal(1, changes);
        Assert.Null(controller.Renew(early.Id));
        Assert.Null(controller.Renew(exact.Id));
    }

    [Fact]
    public void A_timer_that_fires_before_any_lease_is_due_only_sets_itself_again()
    {
        var clock = new ManualClock();
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { TimeProvider = clock, LeaseDuration = TimeSpan.FromSeconds(10) });
        var lease = controller.Lease(Named(HttpStatusCode.ServiceUnavailable));
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        clock.Now += TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1);
        clock.Timer.Fire();

        Assert.Equal([lease.Id], controller.Leases.Select(l => l.Id));
        Assert.Equal(TimeSpan.FromTicks(1), clock.Timer.Due);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void A_lease_already_past_due_when_rescheduled_sets_the_timer_to_fire_now()
    {
        var clock = new ManualClock();
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { TimeProvider = clock, LeaseDuration = TimeSpan.FromSeconds(10) });
        var overdue = controller.Lease(Named(HttpStatusCode.ServiceUnavailable));
        var other = controller.Lease(Named(HttpStatusCode.BadGateway), TimeSpan.FromSeconds(30));

        clock.Now += TimeSpan.FromSeconds(15); // the first is overdue; its timer has not fired yet
        Assert.NotNull(controller.Renew(other.Id));

        Assert.Equal(TimeSpan.Zero, clock.Timer.Due);
        Assert.Equal(2, controller.Leases.Count);
        clock.Timer.Fire();
        Assert.Equal([other.Id], controller.Leases.Select(l => l.Id));
        Assert.Null(controller.Renew(overdue.Id));
    }

    [Fact]
    public void Dispose_stops_the_dead_man_timer()
    {
        var clock = new ManualClock();
        var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { TimeProvider = clock });
        controller.Dispose();
        Assert.True(clock.Timer.Disposed);
    }

    [Fact]
    public void Every_change_of_the_faults_or_leases_notifies_once()
    {
        var clock = new ManualClock();
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { TimeProvider = clock });
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        string id = controller.Add(Named(HttpStatusCode.ServiceUnavailable).Faults[0]);
        Assert.Equal(1, changes);
        Assert.True(controller.Remove(id));
        Assert.Equal(2, changes);
        var lease = controller.Lease(Named(HttpStatusCode.BadGateway));
        Assert.Equal(3, changes);
        Assert.NotNull(controller.Renew(lease.Id));
        Assert.Equal(3, changes); // a renewal changes no fault
        Assert.True(controller.EndLease(lease.Id));
        Assert.Equal(4, changes);
        Assert.False(controller.EndLease(lease.Id));
        Assert.Equal(4, changes);
    }

    [Fact]
    public void Null_and_empty_arguments_are_refused_with_their_names()
    {
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { TimeProvider = _clock });
        var profile = Named(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("fault", Assert.Throws<ArgumentNullException>(() => controller.Add(null!)).ParamName);
        Assert.Equal("fault", Assert.Throws<ArgumentNullException>(() => controller.Replace("fault-1", null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => controller.SwitchProfile(null!, profile)).ParamName);
        var empty = Assert.Throws<ArgumentException>(() => controller.SwitchProfile("", profile));
        Assert.Equal("name", empty.ParamName);
        Assert.IsType<ArgumentException>(empty);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => controller.SwitchProfile("next", null!)).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => controller.Lease(null!)).ParamName);
        Assert.Equal("profile", controller.ProfileName);
        Assert.Empty(controller.Faults);
    }

    [Fact]
    public void An_invalid_fault_is_refused_naming_every_problem()
    {
        // A profile fault comes first: the problems are named in the fault itself (Faults:0), not where it would go.
        using var controller = new FaultController(new LiveFaultProfile(Named(HttpStatusCode.BadGateway)), new FaultControllerOptions { TimeProvider = _clock });
        var fault = new StatusFault { StatusCode = 200, InjectionRate = 2 };

        var error = Assert.Throws<ArgumentException>(() => controller.Add(fault));

        Assert.Equal("fault", error.ParamName);
        Assert.Equal(
            "Invalid fault: Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 2). " +
            "Faults:0:StatusCode: must be an error status from 400 to 599 (was 200). (Parameter 'fault')", error.Message);
        Assert.Equal(["profile-0"], controller.Faults.Select(f => f.Id));
    }

    [Fact]
    public void Replacing_with_an_invalid_fault_is_refused_and_keeps_the_old_one()
    {
        var live = new LiveFaultProfile(Named(HttpStatusCode.ServiceUnavailable));
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock });
        string added = controller.Add(Coded(HttpStatusCode.BadGateway));
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        var error = Assert.Throws<ArgumentException>(() => controller.Replace(added, new StatusFault { StatusCode = 200 }));

        // The problem is named in the fault itself (Faults:0), not at its place among the faults in force.
        Assert.Equal("fault", error.ParamName);
        Assert.Equal("Invalid fault: Faults:0:StatusCode: must be an error status from 400 to 599 (was 200). (Parameter 'fault')", error.Message);
        Assert.Equal([503, 502], controller.Faults.Select(f => ((StatusFault)f.Fault).StatusCode));
        Assert.Equal([503, 502], live.Override!.Faults.Select(f => ((StatusFault)f).StatusCode));
        Assert.Equal(0, changes);
    }

    [Fact]
    public void A_profile_with_several_problems_is_refused_naming_each_one()
    {
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { TimeProvider = _clock });
        var invalid = Named(HttpStatusCode.BadGateway);
        invalid.Faults[0].InjectionRate = -1;
        invalid.Faults.Add(new StatusFault { StatusCode = 200 });
        const string problems = "Faults:0:InjectionRate: must be between 0 and 1 inclusive (was -1). " +
            "Faults:1:StatusCode: must be an error status from 400 to 599 (was 200). (Parameter 'profile')";

        Assert.Equal("Invalid fault profile: " + problems, Assert.Throws<ArgumentException>(() => controller.SwitchProfile("broken", invalid)).Message);
        Assert.Equal("Invalid fault profile: " + problems, Assert.Throws<ArgumentException>(() => controller.Lease(invalid)).Message);
    }

    [Fact]
    public void A_fault_whose_name_is_already_in_force_is_refused_and_changes_nothing()
    {
        var live = new LiveFaultProfile(new FaultInjectionOptions { Faults = { Coded(HttpStatusCode.ServiceUnavailable) } });
        using var controller = new FaultController(live, new FaultControllerOptions { TimeProvider = _clock });
        string added = controller.Add(Coded(HttpStatusCode.BadGateway));
        int changes = 0;
        controller.Changed += (_, _) => changes++;

        var add = Assert.Throws<ArgumentException>(() => controller.Add(Coded(HttpStatusCode.ServiceUnavailable)));
        Assert.Equal("fault", add.ParamName);
        Assert.Equal("Invalid fault: Faults:2:Name: 'ServiceUnavailable' already names Faults:0; each fault needs its own name. (Parameter 'fault')", add.Message);

        var replace = Assert.Throws<ArgumentException>(() => controller.Replace(added, Coded(HttpStatusCode.ServiceUnavailable)));
        Assert.Equal("Invalid fault: Faults:1:Name: 'ServiceUnavailable' already names Faults:0; each fault needs its own name. (Parameter 'fault')", replace.Message);

        var both = new FaultInjectionOptions { Faults = { Coded(HttpStatusCode.ServiceUnavailable), Coded(HttpStatusCode.BadGateway) } };
        var lease = Assert.Throws<ArgumentException>(() => controller.Lease(both));
        Assert.Equal("profile", lease.ParamName);
        Assert.Equal(
            "Invalid fault: Faults:2:Name: 'ServiceUnavailable' already names Faults:0; each fault needs its own name. " +
            "Faults:3:Name: 'BadGateway' already names Faults:1; each fault needs its own name. (Parameter 'profile')", lease.Message);

        var clash = new FaultInjectionOptions { Seed = 99, AllowInProduction = true, Faults = { Coded(HttpStatusCode.BadGateway) } };
        var switched = Assert.Throws<ArgumentException>(() => controller.SwitchProfile("clash", clash));
        Assert.Equal("profile", switched.ParamName);

        // Nothing of the refused changes is left behind: the same faults, ids, profile and live profile as before.
        Assert.Equal(0, changes);
        Assert.Empty(controller.Leases);
        Assert.Equal("profile", controller.ProfileName);
        Assert.Equal(["profile-0", added], controller.Faults.Select(f => f.Id));
        Assert.Equal([503, 502], controller.Faults.Select(f => ((StatusFault)f.Fault).StatusCode));
        Assert.Equal([503, 502], live.Override!.Faults.Select(f => ((StatusFault)f).StatusCode));
        controller.SetEnabled(false); // every later change still applies, with the profile's seed and permission
        Assert.False(live.Override!.Enabled);
        Assert.Null(live.Override.Seed);
        Assert.False(live.Override.AllowInProduction);
        Assert.Equal("fault-2", controller.Add(Coded(HttpStatusCode.Conflict)));
    }

    [Fact]
    public void Clear_stops_the_dead_man_timer_with_the_leases()
    {
        var clock = new ManualClock();
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { TimeProvider = clock, LeaseDuration = TimeSpan.FromSeconds(30) });
        controller.Lease(Named(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(TimeSpan.FromSeconds(30), clock.Timer.Due);

        controller.Clear();

        Assert.Equal(Timeout.InfiniteTimeSpan, clock.Timer.Due);
    }

    /// <summary>A one-fault profile whose fault is named after its status, so several can be in force at once.</summary>
    private static FaultInjectionOptions Named(HttpStatusCode code) => Profiles.Status(code, code.ToString());

    /// <summary>A status fault built in code (no configuration path of its own), named after its status.</summary>
    private static StatusFault Coded(HttpStatusCode code) => new() { Name = code.ToString(), StatusCode = (int)code };
}
