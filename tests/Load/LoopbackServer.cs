using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shared = FaultLab.Tests.Shared;

namespace FaultLab.Load.Tests;

/// <summary>The shared loopback server with the load tests' endpoints and an on-demand stall (every request waits until
/// the stall ends).</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private Shared.LoopbackServer _server = null!;
    private long _stallUntilTicks;

    private LoopbackServer()
    {
    }

    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<LoopbackServer> StartAsync()
    {
        var server = new LoopbackServer();
        long flakyCalls = 0;
        server._server = await Shared.LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", async (HttpContext _) =>
            {
                await server.WaitOutStallAsync();
                return Results.Text("ok");
            });
            app.MapGet("/flaky", async (HttpContext _) =>
            {
                await server.WaitOutStallAsync();
                return Interlocked.Increment(ref flakyCalls) % 10 == 0 ? Results.StatusCode(503) : Results.Text("ok");
            });
        });
        return server;
    }

    /// <summary>From now on, every request (in flight or new) completes only when <paramref name="duration"/> has passed.</summary>
    public void Stall(TimeSpan duration) =>
        Volatile.Write(ref _stallUntilTicks, Environment.TickCount64 + (long)duration.TotalMilliseconds);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task WaitOutStallAsync()
    {
        long wait = Volatile.Read(ref _stallUntilTicks) - Environment.TickCount64;
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait));
        }
    }
}
