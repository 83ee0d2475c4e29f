using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using FaultLab.Load;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Benchmarks;

/// <summary>
/// <c>soak URL RATE SECONDS [FAILURE_RATIO]</c> (benchmarks/soak/run.sh): RATE calls/s for SECONDS through the standard
/// resilience handler (shipped defaults, or its circuit breaker's failure ratio set to FAILURE_RATIO) with 30 % injected
/// 503s innermost, against an endpoint in another process. Every second it
/// samples the thread pool (threads, queued work items), memory (managed heap, working set, collections) and the
/// engine's in-flight count; it prints a row every 5 s, then the run's success rate, latency and retry figures.
/// </summary>
internal static class Soak
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is not (3 or 4))
        {
            Console.Error.WriteLine("usage: soak URL RATE SECONDS [BREAKER_FAILURE_RATIO]");
            return 2;
        }

        var rate = double.Parse(args[1], Inv);
        var seconds = double.Parse(args[2], Inv);
        var services = new ServiceCollection();
        // Shipped defaults open the breaker at a 10 % failure ratio, which 30 % of 503s exceeds at once; a ratio above
        // 0.3 keeps it closed, so the soak exercises three retries with exponential back-off instead.
        double? breakerRatio = args.Length == 4 ? double.Parse(args[3], Inv) : null;
        services.AddHttpClient("soak", c => c.BaseAddress = new Uri(args[0]))
            .AddStandardResilienceHandler(o =>
            {
                if (breakerRatio is { } ratio)
                {
                    o.CircuitBreaker.FailureRatio = ratio;
                }
            });
        services.AddHttpClient("soak")
            .AddFaultInjection(f => f.WithSeed(42).AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.3));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("soak");

        using var counters = new SoakCounters();
        var exceptions = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var scenario = Scenario.Create("soak", async ctx =>
            {
                try
                {
                    using var response = await client.GetAsync((Uri?)null, ctx.CancellationToken).ConfigureAwait(false);
                    return response.IsSuccessStatusCode ? Response.Ok((int)response.StatusCode) : Response.Fail((int)response.StatusCode);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ctx.CancellationToken.IsCancellationRequested)
                {
                    // Which exceptions the caller saw, so the figures can say why calls failed.
                    exceptions.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                    return Response.Fail(message: ex.GetType().Name);
                }
            })
            .WithLoadSimulations(Simulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds)));

        using var stop = new CancellationTokenSource();
        var samples = new List<Sample>();
        var sampler = SampleAsync(counters, samples, stop.Token);
        var result = await LoadTest.RunAsync(new LoadTestOptions { ConsoleOutput = ConsoleOutput.Silent, ReportsFolder = "soak-report" }, scenario).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);

        Console.WriteLine("| t s | completed/s | ok/s | in flight | pool threads | queued items | heap MB | working set MB | gen0/1/2 |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var timeline = result["soak"].Timeline;
        foreach (var sample in samples.Where(s => s.Second % 5 == 0 || s.Second == 1))
        {
            var point = timeline.FirstOrDefault(p => Math.Round(p.StartSeconds) == sample.Second - 1);
            Console.WriteLine(string.Create(Inv,
                $"| {sample.Second} | {point?.Rps ?? 0:0} | {(point is null ? 0 : point.Ok / point.LengthSeconds):0} | {sample.InFlight} | {sample.Threads} | {sample.Queued} | {sample.HeapMb:0.0} | {sample.WorkingSetMb:0.0} | {sample.Gen0}/{sample.Gen1}/{sample.Gen2} |"));
        }

        var st = result["soak"].Stats;
        var attempts = counters.Forwarded + counters.Injected;
        Console.WriteLine(string.Create(Inv, $"calls={st.Count} ok={st.Ok} fail={st.Fail} dropped={st.Dropped} success={st.SuccessRate:P2} " +
            $"p50_ms={st.Latency.P50Ms} p99_ms={st.Latency.P99Ms} max_ms={st.Latency.MaxMs} lag_p99_ms={st.ScheduleLag.P99Ms}"));
        Console.WriteLine(string.Create(Inv, $"attempts={attempts} injected_503={counters.Injected} reached_server={counters.Forwarded} " +
            $"attempts_per_call={(double)attempts / Math.Max(1, st.Count):0.00} failures_by_status={string.Join(",", st.StatusCodes.Select(c => $"{c.Label}:{c.Count}"))}"));
        Console.WriteLine("exceptions: " + string.Join(", ", exceptions.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}")));
        Console.WriteLine(string.Create(Inv, $"threads_min={samples.Min(s => s.Threads)} threads_max={samples.Max(s => s.Threads)} queued_max={samples.Max(s => s.Queued)} " +
            $"in_flight_max={samples.Max(s => s.InFlight)} heap_mb_first={samples[0].HeapMb:0.0} heap_mb_max={samples.Max(s => s.HeapMb):0.0} heap_mb_last={samples[^1].HeapMb:0.0} " +
            $"ws_mb_first={samples[0].WorkingSetMb:0.0} ws_mb_max={samples.Max(s => s.WorkingSetMb):0.0} ws_mb_last={samples[^1].WorkingSetMb:0.0}"));
        return 0;
    }

    private static async Task SampleAsync(SoakCounters counters, List<Sample> samples, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var second = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                second++;
                samples.Add(new Sample(second, ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount, counters.InFlight,
                    GC.GetTotalMemory(false) / 1048576.0, Environment.WorkingSet / 1048576.0,
                    GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)));
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }

    private sealed record Sample(int Second, int Threads, long Queued, long InFlight, double HeapMb, double WorkingSetMb, int Gen0, int Gen1, int Gen2);

    /// <summary>Reads FaultLab's and FaultLab.Load's meters: attempts that reached the server, injected faults, calls in flight.</summary>
    private sealed class SoakCounters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _forwarded, _injected, _inFlight;

        public SoakCounters()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name is FaultLabTelemetry.ForwardedCounterName or FaultLabTelemetry.InjectedCounterName or LoadTelemetry.InFlight)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                switch (instrument.Name)
                {
                    case FaultLabTelemetry.ForwardedCounterName: Interlocked.Add(ref _forwarded, value); break;
                    case FaultLabTelemetry.InjectedCounterName: Interlocked.Add(ref _injected, value); break;
                    default: Interlocked.Add(ref _inFlight, value); break;
                }
            });
            _listener.Start();
        }

        public long Forwarded => Interlocked.Read(ref _forwarded);

        public long Injected => Interlocked.Read(ref _injected);

        public long InFlight => Interlocked.Read(ref _inFlight);

        public void Dispose() => _listener.Dispose();
    }
}
