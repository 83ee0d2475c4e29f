using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaultLab.Load.Tests;

/// <summary>A trivial Kestrel dependency on 127.0.0.1 with an on-demand stall (every request waits until the stall ends).</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _stallUntilTicks;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.MapGet("/", async (HttpContext _) =>
        {
            var wait = Volatile.Read(ref server._stallUntilTicks) - Environment.TickCount64;
            if (wait > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            return Results.Text("ok");
        });
        var flakyCalls = 0L;
        app.MapGet("/flaky", async (HttpContext _) =>
        {
            var wait = Volatile.Read(ref server._stallUntilTicks) - Environment.TickCount64;
            if (wait > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            return Interlocked.Increment(ref flakyCalls) % 10 == 0 ? Results.StatusCode(503) : Results.Text("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>From now on, every request (in flight or new) completes only when <paramref name="duration"/> has passed.</summary>
    public void Stall(TimeSpan duration) =>
        Volatile.Write(ref _stallUntilTicks, Environment.TickCount64 + (long)duration.TotalMilliseconds);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
