using System.Diagnostics;
using System.Globalization;
using FaultLab.Load;

namespace FaultLab.Benchmarks;

/// <summary>
/// The FaultLab.Load side of benchmarks/load-vs-wrk/run.sh. Prints one "key=value" line that the script parses.
/// <list type="bullet">
/// <item><c>load closed URL CONNECTIONS SECONDS</c>: closed model, like wrk -c CONNECTIONS -d SECONDS.</item>
/// <item><c>load rate URL RATE SECONDS</c>: open model at RATE arrivals/s; how close the engine keeps to it.</item>
/// <item><c>load memory URL CONNECTIONS REQUESTS</c>: a fixed number of requests; peak resident memory.</item>
/// <item><c>load naive URL CONNECTIONS SECONDS</c>: the same requests from a bare HttpClient loop, no engine: splits
/// the gap to wrk into HttpClient's share and the engine's.</item>
/// </list>
/// </summary>
internal static class LoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: load closed|rate|memory URL N M (see LoadRunner.cs)");
            return 2;
        }

        var url = new Uri(args[1]);
        long n = long.Parse(args[2], CultureInfo.InvariantCulture);
        long m = long.Parse(args[3], CultureInfo.InvariantCulture);
        int connections = args[0] == "rate" ? 256 : (int)n;

        // As many pooled connections as wrk's -c: the comparison is per connection, not per socket limit.
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false })
        {
            BaseAddress = url,
        };
        if (args[0] == "naive")
        {
            return await NaiveAsync(client, (int)n, TimeSpan.FromSeconds(m)).ConfigureAwait(false);
        }

        long rssBefore = ProcStatusKb("VmRSS");
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);

        var simulation = args[0] switch
        {
            "closed" => Simulation.KeepConstant((int)n, TimeSpan.FromSeconds(m)),
            "rate" => Simulation.Inject(n, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(m)),
            "memory" => Simulation.IterationsForConstant((int)n, m),
            _ => throw new ArgumentException($"unknown mode '{args[0]}'"),
        };
        // One second of warm-up (JIT, connections); not counted, so the measured window matches wrk's.
        var scenario = Scenario.Create("loopback", async ctx =>
        {
            using var response = await client.GetAsync((Uri?)null, ctx.CancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? Response.Ok((int)response.StatusCode) : Response.Fail((int)response.StatusCode);
        }).WithWarmUpDuration(TimeSpan.FromSeconds(1)).WithLoadSimulations(simulation);

        var result = await LoadTest.RunAsync(new LoadTestOptions { ConsoleOutput = ConsoleOutput.Silent }, scenario).ConfigureAwait(false);
        var stats = result["loopback"].Stats;
        string line = args[0] switch
        {
            // Per-second completions show whether the schedule held; a precomputed schedule makes the total exact anyway.
            "rate" => $"target={n} count={stats.Count} completed_per_s={stats.Rps:0.0} " +
                      $"per_second_min={Timeline(result, t => t.Min())} per_second_max={Timeline(result, t => t.Max())} " +
                      $"dropped={stats.Dropped} fail={stats.Fail} " +
                      $"lag_p50_ms={stats.ScheduleLag.P50Ms} lag_p99_ms={stats.ScheduleLag.P99Ms} lag_max_ms={stats.ScheduleLag.MaxMs}",
            "memory" => $"requests={stats.Count} rps={stats.Rps:0} fail={stats.Fail} rss_before_mb={rssBefore / 1024} " +
                        $"peak_rss_mb={ProcStatusKb("VmHWM") / 1024} " +
                        $"alloc_per_request_b={(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Math.Max(1, stats.Count)}",
            _ => $"rps={stats.Rps:0} count={stats.Count} fail={stats.Fail} p50_ms={stats.LatencyMeasured.P50Ms} p99_ms={stats.LatencyMeasured.P99Ms}",
        };
        Console.WriteLine(line);
        return stats.Fail == 0 ? 0 : 1;
    }

    // Whole seconds only: the last, partial interval would read as a dip.
    private static string Timeline(LoadTestResult result, Func<IEnumerable<double>, double> pick) =>
        pick(result["loopback"].Timeline.Where(p => p.LengthSeconds >= 0.999).Select(p => p.Rps).DefaultIfEmpty(0))
            .ToString("0", CultureInfo.InvariantCulture);

    // What the engine's step does, in a plain loop per connection, with the same one-second warm-up.
    private static async Task<int> NaiveAsync(HttpClient client, int connections, TimeSpan duration)
    {
        // The same thread-pool head start the engine gives itself (LoadTestOptions.MinWorkerThreads), or the loop
        // would measure the pool's slow thread injection rather than HttpClient.
        ThreadPool.GetMinThreads(out _, out int io);
        ThreadPool.SetMinThreads(new LoadTestOptions().MinWorkerThreads, io);
        await LoopAsync(client, connections, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        (long count, TimeSpan elapsed) = await LoopAsync(client, connections, duration).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rps={count / elapsed.TotalSeconds:0} count={count}"));
        return 0;
    }

    private static async Task<(long Count, TimeSpan Elapsed)> LoopAsync(HttpClient client, int connections, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(); // a cancellable token, as the engine hands its steps
        long count = 0;
        long start = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                using var response = await client.GetAsync((Uri?)null, stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref count);
            }
        }));
        await Task.WhenAll(loops).ConfigureAwait(false);
        return (count, Stopwatch.GetElapsedTime(start));
    }

    // Linux only (the script's platform): VmHWM is the true peak resident set, which Process does not expose.
    private static long ProcStatusKb(string field)
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        Debug.Fail($"{field} not in /proc/self/status");
        return 0;
    }
}
