using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>A proxy that cannot start shows it in the dashboard and logs why; the app host itself goes on.</summary>
public sealed class StartFailureTests
{
    [Fact]
    public async Task A_taken_port_fails_the_start_in_the_dashboard_and_the_console()
    {
        var builder = AppModel.CreateBuilder();
        var orders = builder.AddService("reviews");
        var chaos = orders.WithFaultProxy(AppModel.Profile(new StatusFault())).Resource;
        await using var app = builder.Build();
        await app.BeforeStartAsync();
        int port = chaos.Endpoint("http").AllocatedEndpoint!.Port;
        using var squatter = new TcpListener(IPAddress.Loopback, port);
        squatter.Start();

        await app.EndpointsAllocatedAsync(orders.Resource, "http", new Uri("http://127.0.0.1:9/"));

        var snapshot = await app.SnapshotAsync(chaos, s => s.State?.Text == KnownResourceStates.FailedToStart);
        Assert.Equal(KnownResourceStateStyles.Error, snapshot.State!.Style);
        Assert.Null(chaos.Proxy);
        string[] error = (await app.LogAsync(chaos, l => l.StartsWith("The fault proxy", StringComparison.Ordinal))).Split('\n');
        Assert.Equal("The fault proxy in front of 'reviews' could not start", error[0]);
        Assert.StartsWith($"System.IO.IOException: Failed to bind to address http://127.0.0.1:{port}", error[1]);
        Assert.Equal(ResourceCommandState.Disabled, app.StateOf(chaos, FaultProxyCommands.FaultsOff));
    }

    [Fact]
    public async Task A_target_endpoint_that_is_not_http_fails_the_start_naming_the_upstream()
    {
        var builder = AppModel.CreateBuilder();
        var queue = builder.AddExecutable("queue", "dotnet", ".").WithEndpoint(scheme: "tcp", name: "amqp");
        var chaos = queue.WithFaultProxy(AppModel.Profile(), endpointName: "amqp").Resource;
        await using var app = builder.Build();
        await app.BeforeStartAsync();

        await app.EndpointsAllocatedAsync(queue.Resource, "amqp", new Uri("tcp://127.0.0.1:5672"));

        var snapshot = await app.SnapshotAsync(chaos, s => s.State?.Text == KnownResourceStates.FailedToStart);
        Assert.Equal(KnownResourceStateStyles.Error, snapshot.State!.Style);
        Assert.Null(chaos.Proxy);
        string error = await app.LogAsync(chaos, l => l.Contains("Upstream:", StringComparison.Ordinal));
        Assert.StartsWith("The fault proxy in front of 'queue' could not start\nFaultLab.FaultProfileException: ", error);
        Assert.Contains("Upstream: must be an absolute http or https URL (was 'tcp://127.0.0.1:5672/').", error);
    }
}
