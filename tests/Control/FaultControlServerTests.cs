using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Control.Tests;

public sealed class FaultControlServerTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task A_port_outside_0_to_65535_is_refused(int port)
    {
        using var controller = new FaultController(new LiveFaultProfile());

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FaultControlServer.StartAsync(controller, port));
        Assert.Equal("port", error.ParamName);
        Assert.Equal(port, error.ActualValue); // refused up front, not by the socket layer on the way to listening
    }

    [Fact]
    public async Task A_missing_controller_is_refused_by_name()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => FaultControlServer.StartAsync(null!));
        Assert.Equal("controller", error.ParamName);
    }

    [Fact]
    public async Task The_server_leaves_the_owner_process_signals_alone()
    {
        using var controller = new FaultController(new LiveFaultProfile());
        await using var server = await FaultControlServer.StartAsync(controller);

        // The console lifetime would take over Ctrl+C and SIGTERM of the process that embeds the server; no signal can be
        // sent to the test process safely, so the registered lifetime is read from the server's own container.
        var app = (Microsoft.AspNetCore.Builder.WebApplication)typeof(FaultControlServer)
            .GetField("_app", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(server)!;
        var lifetime = app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostLifetime>();
        Assert.EndsWith("OwnerStopsLifetime", lifetime.GetType().Name, StringComparison.Ordinal); // a file-local class's name carries a prefix
    }

    [Fact]
    public async Task The_server_listens_on_127_0_0_1_under_the_default_prefix()
    {
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { ProfileName = "served" });

        await using var server = await FaultControlServer.StartAsync(controller);

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.Equal("/faultlab/", server.Address.AbsolutePath);
        Assert.NotEqual(0, server.Address.Port);
        var state = await new FaultControlClient(new HttpClient { BaseAddress = server.Address }).GetStateAsync();
        Assert.Equal("served", (string?)state["profile"]);
    }

    [Fact]
    public void AddFaultControl_registers_one_controller_on_the_container_clock_with_the_options()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddFaultControl(o => o.LeaseDuration = TimeSpan.FromSeconds(5));
        services.AddFaultControl(o => o.LeaseDuration = TimeSpan.FromSeconds(99));
        using var provider = services.BuildServiceProvider();

        var controller = provider.GetRequiredService<FaultController>();

        Assert.Same(controller, provider.GetRequiredService<FaultController>());
        Assert.Equal(TimeSpan.FromSeconds(5), controller.LeaseDuration);
        var lease = controller.Lease(Profiles.Status(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(5), lease.ExpiresAt);
        Assert.Single(provider.GetRequiredService<LiveFaultProfile>().Override!.Faults);
    }

    [Fact]
    public void AddFaultControl_refuses_a_missing_service_collection_by_name()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => FaultControlServiceCollectionExtensions.AddFaultControl(null!)).ParamName);
    }

    [Fact]
    public async Task Without_a_client_name_the_counters_count_every_client_and_with_one_only_that_client()
    {
        using var all = new FaultController(new LiveFaultProfile());
        using var one = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { ClientName = "counted-a" });
        var live = new LiveFaultProfile(Profiles.Status(HttpStatusCode.ServiceUnavailable, "counted-fault"));
        var dependency = new OkHandler();
        using var a = FaultInjection.CreateHandler(live, dependency, clientName: "counted-a");
        using var b = FaultInjection.CreateHandler(live, dependency, clientName: "counted-b");

        await Profiles.GetAsync(a);
        await Profiles.GetAsync(b);
        await Profiles.GetAsync(b);

        Assert.Equal(1, one.GetCounters().Injected["counted-fault"]);
        Assert.Equal(1, one.GetCounters().InjectedTotal);
        Assert.Equal(3, all.GetCounters().Injected["counted-fault"]); // other tests' faults have other names
        Assert.Equal(0, one.GetCounters().Forwarded);
    }
}
