using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using FaultLab;
using FaultLab.Proxy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>
/// Runs a fault proxy resource inside the app host: its port is fixed before any resource starts (so referencing
/// resources get its URL in their environment), and the proxy starts once the target's endpoint is allocated.
/// The orchestrator does not run custom resources, so this publishes their state itself.
/// </summary>
internal static class FaultProxyLifecycle
{
    public static void Subscribe(IDistributedApplicationBuilder builder, FaultProxyResource resource)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            var endpoint = resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == FaultProxyResource.EndpointName);
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "127.0.0.1", FreeLoopbackPort(), EndpointBindingMode.SingleAddress,
                targetPortExpression: null, KnownNetworkIdentifiers.LocalhostNetwork);
            @event.Services.GetRequiredService<FaultProxyHost>()
                .ExportTelemetry(@event.Services.GetRequiredService<IConfiguration>(), resource.Name);
            return Task.CompletedTask;
        });

        builder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(resource.Target.Resource, async (@event, cancellationToken) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            try
            {
                await StartAsync(resource, @event.Services, logger, notifications, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or FaultProfileException or InvalidOperationException)
            {
                logger.LogError(ex, "The fault proxy in front of '{Target}' could not start", resource.Target.Resource.Name);
                await notifications.PublishUpdateAsync(resource, s => s with
                {
                    State = new ResourceStateSnapshot(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error),
                }).ConfigureAwait(false);
            }
        });
    }

    private static async Task StartAsync(FaultProxyResource resource, IServiceProvider services, ILogger logger,
        ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == FaultProxyResource.EndpointName);
        var environment = services.GetRequiredService<IHostEnvironment>();
        string upstream = await resource.Target.GetValueAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The endpoint '{resource.Target.EndpointName}' of '{resource.Target.Resource.Name}' has no URL.");
        var proxy = new FaultProxy(new FaultProxyOptions
        {
            Upstream = new Uri(upstream.EndsWith('/') ? upstream : upstream + "/"),
            Profile = resource.Profiles[0].Profile,
            // Named as the dashboard shows it, at the start and after a reset: its "Profile: NAME" command is then the disabled one.
            ProfileName = resource.Profiles[0].Name,
            Port = endpoint.AllocatedEndpoint!.Port,
            ClientName = resource.Name,
            LoggerFactory = new SingleLoggerFactory(logger),
            TimeProvider = services.GetService<TimeProvider>(),
            // Judged as the app host is, not by this process's variables: an app host is Production through its own
            // settings too (--environment, or nothing set at all), and then its proxies refuse faults unless allowed.
            HostEnvironment = environment,
        });
        var host = services.GetRequiredService<FaultProxyHost>();
        host.Own(new RunningProxy(resource, proxy));
        await proxy.StartAsync(cancellationToken).ConfigureAwait(false);
        resource.Proxy = proxy;
        logger.LogInformation("FaultLab proxy {Address} -> {Upstream} ({Target}), profile '{Profile}' with {Count} faults",
            proxy.Address, upstream, resource.Target.Resource.Name, resource.Profiles[0].Name, resource.Profiles[0].Profile.Faults.Count);

        proxy.Controller.Changed += (_, _) => _ = Publish();
        await Publish().ConfigureAwait(false);

        // The counters change with every request, not with the controller: refresh them each second while they move.
        long published = -1;
        host.Own((services.GetService<TimeProvider>() ?? TimeProvider.System).CreateTimer(_ =>
        {
            var counters = proxy.Controller.GetCounters();
            long seen = counters.Forwarded + counters.InjectedTotal;
            if (Interlocked.Exchange(ref published, seen) != seen)
            {
                _ = Publish();
            }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        Task Publish() => notifications.PublishUpdateAsync(resource, s => FaultProxyState.Running(s, resource, proxy, environment));
    }

    /// <summary>Aspire does not allocate ports for custom resources: take a free one on loopback now, so the URL is
    /// known before the referencing resources start (the proxy binds it moments later).</summary>
    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Stopped with the app: the resource lets go of the proxy first, so its commands report it as not running
    /// instead of driving a stopped proxy's controller.</summary>
    private sealed class RunningProxy(FaultProxyResource resource, FaultProxy proxy) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            resource.Proxy = null;
            return proxy.DisposeAsync();
        }
    }

    /// <summary>The proxy's logs (each injected fault among them) go to the resource's console in the dashboard.</summary>
    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
