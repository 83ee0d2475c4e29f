using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaultLab.Tests.Shared;

/// <summary>
/// The one real dependency of every test project: Kestrel on 127.0.0.1 with a port the OS picks (never another address),
/// counting every request it received. Each test maps its own endpoints; linked as a source file into the test
/// projects that need a real socket.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;
    private bool _stopped;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>Gets the base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets how many requests reached the server.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Starts a server whose endpoints <paramref name="map"/> adds (minimal APIs, <c>app.Run</c>, middleware).</summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server._hits);
            await next(context);
        });
        map(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var uri = new Uri(address.EndsWith('/') ? address : address + "/");
        if (uri.Host != "127.0.0.1")
        {
            throw new InvalidOperationException($"A test server must listen on 127.0.0.1 only (was {uri}).");
        }

        server.BaseAddress = uri;
        return server;
    }

    /// <summary>Stops serving: from now on a request to it fails to connect.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
