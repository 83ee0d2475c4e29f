using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using FaultLab.Control;
using Yarp.ReverseProxy.Forwarder;

namespace FaultLab.Proxy;

/// <summary>
/// A fault-injecting reverse proxy on 127.0.0.1 in front of one upstream, for clients in any language: requests
/// go through a FaultLab profile, and each injected outcome reaches the client as it would from a real server
/// (an HTTP response, a reset connection, a body cut short).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly FaultProxyOptions _options;
    private WebApplication? _app;
    private HttpMessageInvoker? _invoker;
    private Uri? _address;
    private FaultControlServer? _control;

    /// <summary>Initializes a new instance of the <see cref="FaultProxy"/> class; call <see cref="StartAsync(CancellationToken)"/> to listen.</summary>
    /// <param name="options">The upstream, the profile and the port.</param>
    /// <exception cref="FaultProfileException">A setting is invalid; every problem names its setting's path.</exception>
    public FaultProxy(FaultProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new FaultProfileException("proxy options", errors);
        }

        _options = options;
        Profile = new LiveFaultProfile(options.Profile);
        Controller = new FaultController(Profile, new FaultControllerOptions
        {
            ClientName = options.ClientName,
            ProfileName = options.ProfileName,
            LeaseDuration = options.LeaseDuration,
            TimeProvider = options.TimeProvider,
        });
    }

    /// <summary>Gets the controller of the proxy's faults: list, add, remove, switch off, lease. The control API
    /// (<see cref="FaultProxyOptions.ControlPort"/>) serves exactly this controller.</summary>
    public FaultController Controller { get; }

    /// <summary>Gets the control API's base address (for <see cref="FaultControlClient"/>), or <see langword="null"/>
    /// when <see cref="FaultProxyOptions.ControlPort"/> is not set or the proxy is not started.</summary>
    public Uri? ControlAddress => _control?.Address;

    /// <summary>Gets the profile the proxy applies: <see cref="FaultProxyOptions.Profile"/> until a control API (or the
    /// code that owns the proxy) replaces it with <see cref="LiveFaultProfile.Set"/>; the next request sees the change.</summary>
    public LiveFaultProfile Profile { get; }

    /// <summary>Gets the address the proxy listens on, for example <c>http://127.0.0.1:50123/</c>.</summary>
    /// <exception cref="InvalidOperationException">The proxy is not started.</exception>
    public Uri Address => _address ?? throw new InvalidOperationException("The proxy is not started.");

    /// <summary>Creates a proxy and starts it.</summary>
    /// <param name="options">The upstream, the profile and the port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The listening proxy; dispose it to stop.</returns>
    public static async Task<FaultProxy> StartAsync(FaultProxyOptions options, CancellationToken cancellationToken = default)
    {
        var proxy = new FaultProxy(options);
        try
        {
            await proxy.StartAsync(cancellationToken).ConfigureAwait(false);
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts listening on 127.0.0.1.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once the proxy accepts connections.</returns>
    /// <exception cref="InvalidOperationException">The proxy was already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The proxy was already started.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // The transport pauses a writer at this many unsent bytes and resumes it at half (1): below that means none,
        // so a flush completes only once every byte is handed to the socket, and an injected body cut (FIN, RST)
        // follows exactly the bytes relayed. (0 would mean "never pause", 1 "never resume".)
        builder.WebHost.UseKestrelCore().UseSockets(sockets => sockets.MaxWriteBufferSize = 2).ConfigureKestrel(kestrel =>
        {
            // Loopback only, whatever ASPNETCORE_URLS says: a fault proxy must never be reachable from the network.
            // HTTP/1.1 only: a connection-level fault (RST, FIN) must end one request's connection, never an HTTP/2
            // connection that other requests share.
            kestrel.Listen(IPAddress.Loopback, _options.Port, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.AddServerHeader = false; // the upstream's Server header is relayed as is
            kestrel.Limits.MaxRequestBodySize = null; // a transparent proxy does not cap uploads
        });
        builder.Services.AddSingleton(_options.LoggerFactory ?? NullLoggerFactory.Instance);
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();

        _invoker = UpstreamInvoker.Create(_options, Profile);
        var app = builder.Build();
        var forwarding = new FaultForwarding(app.Services.GetRequiredService<IHttpForwarder>(), _invoker,
            _options.Upstream!.AbsoluteUri, new ForwarderRequestConfig { ActivityTimeout = _options.HangLimit });
        app.Run(forwarding.InvokeAsync);

        _app = app;
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        // Stryker disable once Linq : Kestrel listens on the one endpoint configured above, so Single and SingleOrDefault return the same address
        string listening = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        // Kestrel's address has no path ("http://127.0.0.1:50123"): Uri gives it the root path, so Address ends with '/'.
        _address = new Uri(listening);
        if (_options.ControlPort is { } controlPort)
        {
            _control = await FaultControlServer.StartAsync(Controller, controlPort, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening; requests in flight get a short grace period.</summary>
    /// <param name="cancellationToken">Ends the grace period early.</param>
    /// <returns>A task that completes once the proxy stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the proxy and releases its port and upstream connections.</summary>
    /// <returns>A task that completes once everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await app.StopAsync(grace.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        if (_control is { } control)
        {
            _control = null;
            await control.DisposeAsync().ConfigureAwait(false);
        }

        Controller.Dispose();
        _invoker?.Dispose();
        _invoker = null;
        _address = null;
    }
}
