using System.Collections.Concurrent;
using System.Diagnostics;
using FaultLab.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>
/// The fake dependency: the shared loopback server answering <c>GET /orders/{id}</c> at once. It is the ground truth of
/// every test — it counts what really reached it and when, so the client's own figures (FaultLab's "forwarded"
/// counter, retry amplification) can be checked against the server's.
/// </summary>
public sealed class Dependency : IAsyncDisposable
{
    private readonly ConcurrentQueue<long> _arrivals = new();
    private LoopbackServer _server = null!;

    private Dependency()
    {
    }

    /// <summary>Gets the base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Gets how many requests reached the server.</summary>
    public long Requests => _arrivals.Count;

    /// <summary>Gets the arrival times, in <see cref="Stopwatch"/> ticks.</summary>
    public IReadOnlyList<long> ArrivalTimestamps => [.. _arrivals];

    public static async Task<Dependency> StartAsync()
    {
        var dependency = new Dependency();
        dependency._server = await LoopbackServer.StartAsync(app => app.MapGet("/orders/{id:int}", (int id) =>
        {
            dependency._arrivals.Enqueue(Stopwatch.GetTimestamp());
            return Results.Json(new { id, status = "shipped", total = 42.5 });
        }));
        return dependency;
    }

    /// <summary>Forgets every request so far (after a warm-up).</summary>
    public void Reset() => _arrivals.Clear();

    /// <summary>
    /// The most requests the server saw in any window of <paramref name="window"/>, with windows laid end to end
    /// from <paramref name="origin"/> (a <see cref="Stopwatch"/> timestamp).
    /// </summary>
    public int MaxPerWindow(long origin, TimeSpan window)
    {
        long length = (long)(window.TotalSeconds * Stopwatch.Frequency);
        return _arrivals.Where(t => t >= origin).GroupBy(t => (t - origin) / length).Select(g => g.Count()).DefaultIfEmpty(0).Max();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
