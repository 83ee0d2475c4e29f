using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaultLab.LoadFaults.Tests;

/// <summary>
/// The fake dependency: Kestrel on 127.0.0.1 with an ephemeral port, answering <c>GET /orders/{id}</c> at once. It is
/// the ground truth of every test — it counts what really reached it and when, so the client's own figures
/// (FaultLab's "forwarded" counter, retry amplification) can be checked against the server's.
/// </summary>
public sealed class Dependency : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<long> _arrivals = new();

    private Dependency(WebApplication app) => _app = app;

    /// <summary>Gets the base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets how many requests reached the server.</summary>
    public long Requests => _arrivals.Count;

    /// <summary>Gets the arrival times, in <see cref="Stopwatch"/> ticks.</summary>
    public IReadOnlyList<long> ArrivalTimestamps => [.. _arrivals];

    public static async Task<Dependency> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var dependency = new Dependency(app);
        app.MapGet("/orders/{id:int}", (int id) =>
        {
            dependency._arrivals.Enqueue(Stopwatch.GetTimestamp());
            return Results.Json(new { id, status = "shipped", total = 42.5 });
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var uri = new Uri(address);
        Assert.Equal("127.0.0.1", uri.Host); // never any other address
        dependency.BaseAddress = uri;
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
