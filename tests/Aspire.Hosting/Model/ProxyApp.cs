using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using FaultLab.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>
/// A built app host whose target "listens" on a real Kestrel upstream on 127.0.0.1: the events the orchestrator would
/// raise are raised by hand, so the fault proxy really starts inside the test, with no orchestrator and no processes.
/// Each test names its own target: FaultLab's counters are per client name, and the proxy's client is the resource's name.
/// </summary>
internal sealed class ProxyApp : IAsyncDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });

    private ProxyApp(LoopbackServer upstream, DistributedApplication app, FaultProxyResource chaos)
    {
        Upstream = upstream;
        App = app;
        Chaos = chaos;
    }

    public LoopbackServer Upstream { get; }

    public DistributedApplication App { get; }

    public FaultProxyResource Chaos { get; }

    public string Target => Chaos.Target.Resource.Name;

    /// <summary>Starts the upstream, builds the app host (in <paramref name="environment"/>) with <c>WithFaultProxy</c>
    /// (profile "flaky": a 503 named <c>{target}-503</c>) and <c>WithFaultProfile("outage", ...)</c> (a refused connection
    /// named <c>{target}-down</c>), then raises the app host's start events.</summary>
    public static async Task<ProxyApp> StartAsync(string target, TimeProvider? clock = null, FaultInjectionOptions? flaky = null,
        FaultInjectionOptions? outage = null, string environment = "Development")
    {
        var upstream = await LoopbackServer.StartAsync(app => app.MapGet("/items/{id}", (string id) => $"{target} item {id}"));
        var builder = AppModel.CreateBuilder(environment);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        var service = builder.AddService(target);
        var chaos = service.WithFaultProxy(flaky ?? AppModel.Profile(new StatusFault { Name = $"{target}-503" }), profileName: "flaky")
            .WithFaultProfile("outage", outage ?? AppModel.Profile(new ConnectionRefusedFault { Name = $"{target}-down" }));
        var built = builder.Build();
        await built.BeforeStartAsync();
        await built.EndpointsAllocatedAsync(service.Resource, "http", upstream.BaseAddress);
        return new ProxyApp(upstream, built, chaos.Resource);
    }

    public Task<ExecuteCommandResult> ExecuteAsync(string command) =>
        App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Chaos, command);

    public ResourceCommandState StateOf(string command) => App.StateOf(Chaos, command);

    public Task<CustomResourceSnapshot> SnapshotAsync(Func<CustomResourceSnapshot, bool> predicate) => App.SnapshotAsync(Chaos, predicate);

    public CustomResourceSnapshot Current() =>
        App.Services.GetRequiredService<ResourceNotificationService>().TryGetCurrentState(Chaos.Name, out var resourceEvent)
            ? resourceEvent.Snapshot
            : throw new InvalidOperationException($"Nothing was published for '{Chaos.Name}'.");

    /// <summary>GET <c>items/{id}</c> through the proxy: the status and body, or the exception's type.</summary>
    public async Task<(int? Status, string Body)> CallAsync(Uri proxy, string id = "7")
    {
        try
        {
            using var response = await _client.GetAsync(new Uri(proxy, $"items/{id}"));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.GetType().Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
