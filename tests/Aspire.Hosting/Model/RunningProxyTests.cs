using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>The proxy started inside the app host once its target's endpoint is allocated, its dashboard state and
/// its commands, driven without an orchestrator.</summary>
public sealed class RunningProxyTests
{
    [Fact]
    public async Task Starts_on_the_allocated_loopback_port_in_front_of_the_target_and_injects_the_starting_profile()
    {
        await using var running = await ProxyApp.StartAsync("basket");

        var proxy = Assert.IsType<FaultLab.Proxy.FaultProxy>(running.Chaos.Proxy);
        int port = running.Chaos.Endpoint("http").AllocatedEndpoint!.Port;
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), proxy.Address);
        Assert.Equal("flaky", proxy.Controller.ProfileName);
        Assert.Equal((503, 0), ((await running.CallAsync(proxy.Address)).Status, running.Upstream.Hits));

        string started = $"FaultLab proxy {proxy.Address} -> {running.Upstream.BaseAddress.AbsoluteUri.TrimEnd('/')} (basket), profile 'flaky' with 1 faults";
        Assert.Equal(started, await running.App.LogAsync(running.Chaos, l => l.Contains("FaultLab proxy", StringComparison.Ordinal)));
        string injected = await running.App.LogAsync(running.Chaos, l => l.Contains("FaultLab injected", StringComparison.Ordinal));
        Assert.Equal($"FaultLab injected Status fault 'basket-503' into GET {running.Upstream.BaseAddress}items/7 (client 'basket-chaos', outcome 503)", injected);
    }

    [Fact]
    public async Task The_dashboard_shows_faults_on_the_target_its_url_and_every_property()
    {
        await using var running = await ProxyApp.StartAsync("billing");
        var address = running.Chaos.Proxy!.Address;

        var snapshot = await running.SnapshotAsync(s => s.State?.Text == "Faults on billing");

        Assert.Equal(KnownResourceStateStyles.Warn, snapshot.State!.Style);
        Assert.Equal("FaultLab proxy", snapshot.ResourceType);
        Assert.NotNull(snapshot.StartTimeStamp);
        var url = Assert.Single(snapshot.Urls);
        Assert.Equal(("http", address.AbsoluteUri, false), (url.Name, url.Url, url.IsInternal));
        Assert.Equal(
            [
                ("faultlab.target", $"billing ({running.Upstream.BaseAddress.AbsoluteUri.TrimEnd('/')})"),
                ("faultlab.profile", "flaky"),
                ("faultlab.faults", "billing-503"),
                ("faultlab.injected", "0"),
                ("faultlab.forwarded", "0"),
            ],
            snapshot.Properties.Where(p => p.Name.StartsWith("faultlab.", StringComparison.Ordinal)).Select(p => (p.Name, p.Value as string)));
    }

    [Fact]
    public async Task Faults_are_listed_by_name_or_else_by_kind_in_evaluation_order()
    {
        var flaky = AppModel.Profile(new StatusFault { InjectionRate = 0 }, new LatencyFault { Name = "slow", Delay = TimeSpan.FromSeconds(1), InjectionRate = 0 });
        await using var running = await ProxyApp.StartAsync("search", flaky: flaky);

        var snapshot = await running.SnapshotAsync(s => s.State?.Text == "Faults on search");

        Assert.Equal("Status, slow", snapshot.Property("faultlab.faults"));
        Assert.Equal((200, "search item 7"), await running.CallAsync(running.Chaos.Proxy!.Address)); // rate 0: never fires
    }

    [Fact]
    public async Task An_empty_starting_profile_shows_no_faults_and_passes_everything_through()
    {
        await using var running = await ProxyApp.StartAsync("profiles", flaky: AppModel.Profile());

        var snapshot = await running.SnapshotAsync(s => s.State?.Text == "No faults on profiles");

        Assert.Equal(KnownResourceStateStyles.Success, snapshot.State!.Style);
        Assert.Equal("none", snapshot.Property("faultlab.faults"));
        Assert.Equal("flaky", snapshot.Property("faultlab.profile"));
        Assert.Equal(ResourceCommandState.Disabled, running.StateOf(FaultProxyCommands.Clear));
        Assert.Equal((200, "profiles item 7"), await running.CallAsync(running.Chaos.Proxy!.Address));
    }

    [Fact]
    public async Task While_running_each_command_is_enabled_only_when_it_would_change_something()
    {
        await using var running = await ProxyApp.StartAsync("stock");

        Assert.Equal(
            [ResourceCommandState.Enabled, ResourceCommandState.Disabled, ResourceCommandState.Enabled, ResourceCommandState.Disabled, ResourceCommandState.Enabled],
            States(running));
        await running.ExecuteAsync(FaultProxyCommands.FaultsOff);
        Assert.Equal(
            [ResourceCommandState.Disabled, ResourceCommandState.Enabled, ResourceCommandState.Enabled, ResourceCommandState.Disabled, ResourceCommandState.Enabled],
            States(running));
        await running.ExecuteAsync(FaultProxyCommands.FaultsOn);
        await running.ExecuteAsync("faultlab-profile-outage");
        Assert.Equal(
            [ResourceCommandState.Enabled, ResourceCommandState.Disabled, ResourceCommandState.Enabled, ResourceCommandState.Enabled, ResourceCommandState.Disabled],
            States(running));
        await running.ExecuteAsync(FaultProxyCommands.Clear);
        Assert.Equal(
            [ResourceCommandState.Enabled, ResourceCommandState.Disabled, ResourceCommandState.Disabled, ResourceCommandState.Enabled, ResourceCommandState.Enabled],
            States(running));
    }

    [Fact]
    public async Task Faults_off_and_on_switch_what_callers_meet_and_the_state_text()
    {
        await using var running = await ProxyApp.StartAsync("payments");
        var address = running.Chaos.Proxy!.Address;
        var started = await running.SnapshotAsync(s => s.State?.Text == "Faults on payments");

        var off = await running.ExecuteAsync(FaultProxyCommands.FaultsOff);

        Assert.Equal((true, "Faults off: requests pass through."), (off.Success, off.Message));
        Assert.False(running.Chaos.Proxy.Controller.Enabled);
        var offSnapshot = await running.SnapshotAsync(s => s.State?.Text == "No faults on payments");
        Assert.Equal(KnownResourceStateStyles.Success, offSnapshot.State!.Style);
        Assert.Equal("flaky (off)", offSnapshot.Property("faultlab.profile"));
        Assert.Equal("payments-503", offSnapshot.Property("faultlab.faults"));
        Assert.Equal(started.StartTimeStamp, offSnapshot.StartTimeStamp);
        Assert.Equal((200, "payments item 7"), await running.CallAsync(address));

        var on = await running.ExecuteAsync(FaultProxyCommands.FaultsOn);

        Assert.Equal((true, "Faults on."), (on.Success, on.Message));
        Assert.True(running.Chaos.Proxy.Controller.Enabled);
        var onSnapshot = await running.SnapshotAsync(s => s.State?.Text == "Faults on payments");
        Assert.Equal("flaky", onSnapshot.Property("faultlab.profile"));
        Assert.Equal(503, (await running.CallAsync(address)).Status);
        Assert.Equal(1, running.Upstream.Hits);
    }

    [Fact]
    public async Task A_reset_returns_to_the_starting_profile_under_its_own_name()
    {
        await using var running = await ProxyApp.StartAsync("returns");
        var controller = running.Chaos.Proxy!.Controller;
        await running.ExecuteAsync("faultlab-profile-outage");
        Assert.Equal("outage", controller.ProfileName);
        await running.SnapshotAsync(s => s.Properties.Any(p => p.Name == "faultlab.profile" && Equals(p.Value, "outage")));

        controller.Reset();

        Assert.Equal("flaky", controller.ProfileName);
        var snapshot = await running.SnapshotAsync(s => s.Properties.Any(p => p.Name == "faultlab.faults" && Equals(p.Value, "returns-503")));
        Assert.Equal("flaky", snapshot.Property("faultlab.profile"));
        Assert.Equal(ResourceCommandState.Disabled, running.StateOf("faultlab-profile-flaky")); // the one in force
        Assert.Equal(ResourceCommandState.Enabled, running.StateOf("faultlab-profile-outage"));
        Assert.Equal(503, (await running.CallAsync(running.Chaos.Proxy.Address)).Status);
    }

    [Fact]
    public async Task Profile_commands_switch_between_the_added_and_the_starting_profile()
    {
        await using var running = await ProxyApp.StartAsync("shipping");
        var address = running.Chaos.Proxy!.Address;

        var outage = await running.ExecuteAsync("faultlab-profile-outage");

        Assert.Equal((true, "Profile 'outage' in force (1 faults)."), (outage.Success, outage.Message));
        Assert.Equal("outage", running.Chaos.Proxy.Controller.ProfileName);
        var snapshot = await running.SnapshotAsync(s => s.Properties.Any(p => p.Name == "faultlab.profile" && Equals(p.Value, "outage")));
        Assert.Equal("shipping-down", snapshot.Property("faultlab.faults"));
        Assert.Equal("Faults on shipping", snapshot.State?.Text);
        Assert.Equal((null, nameof(HttpRequestException)), await running.CallAsync(address));

        var flaky = await running.ExecuteAsync("faultlab-profile-flaky");

        Assert.Equal((true, "Profile 'flaky' in force (1 faults)."), (flaky.Success, flaky.Message));
        await running.SnapshotAsync(s => s.Properties.Any(p => p.Name == "faultlab.faults" && Equals(p.Value, "shipping-503")));
        Assert.Equal(503, (await running.CallAsync(address)).Status);
        Assert.Equal(0, running.Upstream.Hits);
    }

    [Fact]
    public async Task A_profile_refused_by_a_fault_of_the_same_name_fails_with_why_and_changes_nothing()
    {
        await using var running = await ProxyApp.StartAsync("warehouse");
        var controller = running.Chaos.Proxy!.Controller;
        controller.Add(new StatusFault { Name = "warehouse-down", StatusCode = 500 }); // added through the control API

        var refused = await running.ExecuteAsync("faultlab-profile-outage");

        Assert.False(refused.Success);
        Assert.Equal("Invalid fault: Faults:1:Name: 'warehouse-down' already names Faults:0; each fault needs its own name.", refused.Message);
        Assert.Equal("flaky", controller.ProfileName);
        Assert.Equal(["warehouse-503", "warehouse-down"], controller.Faults.Select(f => f.Fault.Name));
        Assert.Equal(503, (await running.CallAsync(running.Chaos.Proxy.Address)).Status);
    }

    [Fact]
    public async Task Clear_removes_every_fault_and_requests_pass_through()
    {
        await using var running = await ProxyApp.StartAsync("catalog");
        var address = running.Chaos.Proxy!.Address;

        var clear = await running.ExecuteAsync(FaultProxyCommands.Clear);

        Assert.Equal((true, "Every fault removed."), (clear.Success, clear.Message));
        Assert.Empty(running.Chaos.Proxy.Controller.Faults);
        var snapshot = await running.SnapshotAsync(s => s.State?.Text == "No faults on catalog");
        Assert.Equal(KnownResourceStateStyles.Success, snapshot.State!.Style);
        Assert.Equal("none", snapshot.Property("faultlab.faults"));
        Assert.Equal("none", snapshot.Property("faultlab.profile"));
        Assert.Equal((200, "catalog item 3"), await running.CallAsync(address, "3"));
    }

    [Fact]
    public async Task The_counters_are_republished_on_the_app_hosts_clock_each_second_they_moved()
    {
        var clock = new FakeTimeProvider();
        await using var running = await ProxyApp.StartAsync("invoices", clock);
        var address = running.Chaos.Proxy!.Address;
        await running.SnapshotAsync(s => s.State?.Text == "Faults on invoices");

        Assert.Equal(503, (await running.CallAsync(address)).Status);
        Assert.Equal("0", running.Current().Property("faultlab.injected")); // a request alone publishes nothing

        clock.Advance(TimeSpan.FromSeconds(1));
        var injected = await running.SnapshotAsync(s => s.Properties.Any(p => p.Name == "faultlab.injected" && Equals(p.Value, "1")));
        Assert.Equal("0", injected.Property("faultlab.forwarded"));

        await running.ExecuteAsync(FaultProxyCommands.FaultsOff);
        Assert.Equal(200, (await running.CallAsync(address)).Status);
        Assert.Equal(200, (await running.CallAsync(address)).Status);
        clock.Advance(TimeSpan.FromSeconds(1));
        var forwarded = await running.SnapshotAsync(s => s.Properties.Any(p => p.Name == "faultlab.forwarded" && Equals(p.Value, "2")));
        Assert.Equal("1", forwarded.Property("faultlab.injected"));
    }

    [Fact]
    public async Task Disposing_the_app_stops_the_proxy_and_its_commands()
    {
        var running = await ProxyApp.StartAsync("ledger");
        var address = running.Chaos.Proxy!.Address;
        Assert.Equal(503, (await running.CallAsync(address)).Status);

        await running.App.DisposeAsync();

        Assert.Null(running.Chaos.Proxy);
        Assert.Equal((null, nameof(HttpRequestException)), await running.CallAsync(address));
        Assert.Equal(ResourceCommandState.Disabled, running.StateOf(FaultProxyCommands.FaultsOff));
        await running.DisposeAsync();
    }

    private static ResourceCommandState[] States(ProxyApp running) =>
    [
        running.StateOf(FaultProxyCommands.FaultsOff),
        running.StateOf(FaultProxyCommands.FaultsOn),
        running.StateOf(FaultProxyCommands.Clear),
        running.StateOf("faultlab-profile-flaky"),
        running.StateOf("faultlab-profile-outage"),
    ];
}
