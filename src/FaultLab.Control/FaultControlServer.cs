using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FaultLab.Control;

/// <summary>The control API on a port of its own on 127.0.0.1, for a process that has no web application of its own
/// (the fault proxy, an Aspire app host). It never listens on another address.</summary>
public sealed class FaultControlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FaultControlServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the control API's base address, for example <c>http://127.0.0.1:50123/faultlab/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the control API over <paramref name="controller"/> on 127.0.0.1.</summary>
    /// <param name="controller">The controller to expose.</param>
    /// <param name="port">The port; 0 (the default) picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The listening server; dispose it to stop.</returns>
    public static async Task<FaultControlServer> StartAsync(FaultController controller, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, OwnerStopsLifetime>(); // never take over the owner's Ctrl+C
        var app = builder.Build();
        app.UseRouting();
        app.MapFaultControl(controller);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string listening = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new FaultControlServer(app, new Uri(listening.TrimEnd('/') + FaultControlEndpoints.DefaultPrefix + "/"));
    }

    /// <summary>Stops listening.</summary>
    /// <returns>A task that completes once the port is released.</returns>
    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The server is embedded: whoever owns it stops it, so the console lifetime's signal handling stays out.</summary>
file sealed class OwnerStopsLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
