using System.Net;
using FaultLab.Proxy;
using FaultLab.Proxy.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Control.Tests;

/// <summary>The control API of a real proxy, driven by the .NET client as a test would.</summary>
public sealed class ControlApiTests : IAsyncLifetime
{
    /// <summary>What the upstream itself answers: a request that met no fault.</summary>
    private const HttpStatusCode PassedThrough = HttpStatusCode.Created;

    private readonly FakeTimeProvider _serverClock = new();
    private Upstream _upstream = null!;
    private FaultProxy _proxy = null!;
    private HttpClient _callers = null!;
    private FaultControlClient _control = null!;

    public async Task InitializeAsync()
    {
        _upstream = await Upstream.StartAsync();
        _proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = _upstream.Address,
            ControlPort = 0,
            ClientName = nameof(ControlApiTests), // counters of this proxy only, whatever else runs in parallel
            LeaseDuration = TimeSpan.FromSeconds(30),
            TimeProvider = _serverClock,
        });
        _callers = new HttpClient { BaseAddress = _proxy.Address };
        _control = new FaultControlClient(new HttpClient { BaseAddress = _proxy.ControlAddress }, _serverClock);
    }

    public async Task DisposeAsync()
    {
        _callers.Dispose();
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Faults_are_added_listed_changed_counted_and_removed_at_run_time()
    {
        Assert.Equal(PassedThrough, await StatusAsync());

        string id = await _control.AddFaultAsync("""{ "Kind": "Status", "Name": "boom", "StatusCode": 503 }""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync());
        var state = await _control.GetStateAsync();
        Assert.Equal(id, (string?)state["faults"]![0]!["id"]);
        Assert.Equal("Status", (string?)state["faults"]![0]!["fault"]!["Kind"]);
        Assert.Equal(503, (int)state["faults"]![0]!["fault"]!["StatusCode"]!);

        await _control.ReplaceFaultAsync(id, """{ "Kind": "Status", "Name": "boom", "StatusCode": 429 }""");
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync());
        await _control.SetEnabledAsync(false);
        Assert.Equal(PassedThrough, await StatusAsync());
        await _control.SetEnabledAsync(true);
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync());

        var counters = await _control.GetCountersAsync();
        Assert.Equal(3, counters.Injected["boom"]); // 503, 429, 429
        Assert.Equal(2, counters.Forwarded);

        await _control.RemoveFaultAsync(id);
        Assert.Equal(PassedThrough, await StatusAsync());
        var missing = await Assert.ThrowsAsync<FaultControlException>(() => _control.RemoveFaultAsync(id));
        Assert.Equal(404, missing.StatusCode);

        await _control.ResetAsync();
        Assert.Equal(0, (await _control.GetCountersAsync()).Forwarded);
    }

    [Fact]
    public async Task Invalid_bodies_are_refused_with_every_setting_path_as_profiles_are()
    {
        var fault = await Assert.ThrowsAsync<FaultControlException>(() =>
            _control.AddFaultAsync("""{ "Kind": "Status", "StatusCode": 200, "InjectionRate": 1.5 }"""));
        Assert.Equal(400, fault.StatusCode);
        Assert.Contains("StatusCode: must be an error status from 400 to 599 (was 200).", fault.Errors);
        Assert.Contains("InjectionRate: must be between 0 and 1 inclusive (was 1.5).", fault.Errors);

        var profile = await Assert.ThrowsAsync<FaultControlException>(() =>
            _control.ApplyAsync("""{ "Faults": [ { "Kind": "Latency", "Delay": "00:00:01" }, { "Kind": "Nope" } ] }"""));
        Assert.Equal(400, profile.StatusCode);
        Assert.Contains(profile.Errors, e => e.StartsWith("Faults:1:Kind:", StringComparison.Ordinal));

        var syntax = await Assert.ThrowsAsync<FaultControlException>(() => _control.AddFaultAsync("{ not json"));
        Assert.Equal(400, syntax.StatusCode);
        Assert.Empty((await _control.GetStateAsync())["faults"]!.AsArray());
    }

    [Fact]
    public async Task A_lease_renewed_by_its_client_stays_and_disposing_it_removes_its_faults()
    {
        await using (var lease = await _control.ApplyAsync(Profiles.Status(HttpStatusCode.ServiceUnavailable)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync());
            for (int renewal = 1; renewal <= 4; renewal++)
            {
                _serverClock.Advance(TimeSpan.FromSeconds(10)); // the client renews every third of 30 s
                await UntilAsync(() => lease.Renewals == renewal);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync()); // 40 s on: alive because renewed
        }

        Assert.Equal(PassedThrough, await StatusAsync());
        Assert.Empty((await _control.GetStateAsync())["leases"]!.AsArray());
    }

    [Fact]
    public async Task A_controller_that_stops_renewing_leaves_a_pass_through_proxy_after_the_lease_duration()
    {
        // This client's clock never moves: it never renews, as if its process had died.
        var crashed = new FaultControlClient(new HttpClient { BaseAddress = _proxy.ControlAddress }, new FakeTimeProvider());
        var lease = await crashed.ApplyAsync(Profiles.Status(HttpStatusCode.ServiceUnavailable), TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync());

        _serverClock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync());
        _serverClock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PassedThrough, await StatusAsync());
        Assert.Empty((await _control.GetStateAsync())["faults"]!.AsArray());
        await lease.DisposeAsync(); // ending an expired lease is harmless
    }

    [Fact]
    public async Task Callers_from_another_address_are_refused_unless_allowed()
    {
        using var controller = new FaultController(new LiveFaultProfile(new FaultInjectionOptions()));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10"); // TEST-NET-1: never a real peer
            return next(context);
        });
        app.MapFaultControl(controller);
        app.MapFaultControl(controller, prefix: "/open", allowRemote: true);
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var refused = await client.GetAsync("/faultlab");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("The FaultLab control API only serves loopback callers.", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open")).StatusCode);
    }

    private async Task<HttpStatusCode> StatusAsync()
    {
        using var response = await _callers.GetAsync("/orders");
        return response.StatusCode;
    }

    /// <summary>Waits for the client's background renewal (a real HTTP call) to land; fails after 10 s.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
