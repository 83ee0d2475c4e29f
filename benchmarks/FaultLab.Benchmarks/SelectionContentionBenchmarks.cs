using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Benchmarks;

/// <summary>
/// Issue 6, part 2: many callers share one client whose rate-based fault rolls the dice on every request. Each
/// invocation sends the same number of requests split over <see cref="Callers"/> tasks, so per-request times compare
/// directly across caller counts; the ThreadingDiagnoser counts lock contentions (the seeded randomizer takes a lock
/// per decision, the unseeded one uses the thread-safe shared generator).
/// </summary>
[MemoryDiagnoser]
[ThreadingDiagnoser]
public class SelectionContentionBenchmarks
{
    private const int RequestsPerInvoke = 1024;

    private ServiceProvider _services = null!;
    private HttpClient _bare = null!;
    private HttpClient _unseeded = null!;
    private HttpClient _seeded = null!;

    [Params(1, 16, 64)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        HandlerOverheadBenchmarks.Client(services, "bare");
        // 10 %: every request goes through selection and the dice; one in ten also builds the (cheapest) 503.
        HandlerOverheadBenchmarks.Client(services, "unseeded").AddFaultInjection(f => f.AddStatus(Fault503));
        HandlerOverheadBenchmarks.Client(services, "seeded").AddFaultInjection(f => f.WithSeed(42).AddStatus(Fault503));
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        _bare = factory.CreateClient("bare");
        _unseeded = factory.CreateClient("unseeded");
        _seeded = factory.CreateClient("seeded");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = RequestsPerInvoke, Description = "Bare HttpClient")]
    public Task Bare() => Run(_bare);

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke, Description = "FaultLab 10 %, unseeded")]
    public Task Unseeded() => Run(_unseeded);

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke, Description = "FaultLab 10 %, seeded")]
    public Task Seeded() => Run(_seeded);

    private static void Fault503(StatusFault fault)
    {
        fault.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
        fault.BodyStyle = ErrorBodyStyle.Empty;
        fault.InjectionRate = 0.1;
    }

    private Task Run(HttpClient client)
    {
        var callers = new Task[Callers];
        int each = RequestsPerInvoke / Callers;
        for (int i = 0; i < callers.Length; i++)
        {
            callers[i] = Task.Run(() => Caller(client, each));
        }

        return Task.WhenAll(callers);
    }

    private static async Task Caller(HttpClient client, int requests)
    {
        for (int i = 0; i < requests; i++)
        {
            // The in-memory handler completes synchronously; a real one would yield. Yielding here interleaves the
            // callers on every pool thread, so they really do contend (the 1-caller case pays the same yield).
            await Task.Yield();
            await HandlerOverheadBenchmarks.Send(client).ConfigureAwait(false);
        }
    }
}
