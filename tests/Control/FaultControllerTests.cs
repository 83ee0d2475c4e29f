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
}
