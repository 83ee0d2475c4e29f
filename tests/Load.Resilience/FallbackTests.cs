using System.Net;
using System.Text;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Fallback;
using Xunit.Abstractions;

namespace FaultLab.Load.Resilience.Tests;

public sealed class FallbackTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dependency_refusing_every_connection_a_fallback_keeps_success_above_99_9_percent()
    {
        await using var dependency = await Dependency.StartAsync();
        await using var clients = new Clients(dependency, services =>
        {
            // The fallback is registered first, so it is outermost: it sees what the standard handler gives up on
            // (retries exhausted, breaker open). Faults are always innermost, below both.
            var withFallback = Clients.Add(services, "fallback", dependency);
            withFallback.AddResilienceHandler("cache", pipeline => pipeline.AddFallback(new FallbackStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null || (int?)args.Outcome.Result?.StatusCode >= 500),
                FallbackAction = _ => Outcome.FromResultAsValueTask(Cached()),
            }));
            Standard(withFallback);
            withFallback.AddFaultInjection(f => f.WithSeed(3).AddConnectionRefused(injectionRate: 1.0));

            var without = Clients.Add(services, "no-fallback", dependency);
            Standard(without);
            without.AddFaultInjection(f => f.WithSeed(3).AddConnectionRefused(injectionRate: 1.0));
        });
        await clients.WarmUpAsync(dependency);

        var rescued = LoadRun.Orders("fallback", clients["fallback"])
            .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6)))
            .WithMaxConcurrency(200)
            .WithThresholds(Threshold.SuccessRate(0.999), Threshold.Percentile(99, TimeSpan.FromSeconds(1)), Threshold.Dropped(0));
        var down = LoadRun.Orders("no-fallback", clients["no-fallback"])
            .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6)))
            .WithMaxConcurrency(200)
            .WithThresholds(Threshold.Dropped(0));

        var (result, seen) = await LoadRun.RunAsync(null, rescued, down);
        var f = result["fallback"];
        var n = result["no-fallback"];
        foreach (var scenario in result.Scenarios)
        {
            output.WriteLine(scenario.Describe(seen[scenario.Name].ForwardedToDependency));
        }

        result.EnsureThresholdsPassed();
        Assert.InRange(f.Stats.SuccessRate, 0.999, 1.0);
        Assert.Equal(0, n.Stats.Ok); // the same dependency, the same faults, no fallback

        // Every call was served by the fallback, and the tags say from what: refused connections (after the
        // standard handler's retries), or nothing at all — calls the open breaker rejected before any attempt.
        Assert.All(f.Stats.Tags, t => Assert.StartsWith("fallback", t.Tag, StringComparison.Ordinal));
        Assert.True(f.Tag("fallback ← ConnectionRefused").Count > 0);
        Assert.InRange(f.Metric(ResilienceMeasures.FallbackRate), 0.999, 1.0);
        Assert.Equal(f.Stats.Count, seen["fallback"].Fallbacks); // Polly's own count of fallbacks agrees
        Assert.Equal(f.Tag("fallback ← ConnectionRefused").Count / (double)f.Stats.Count, f.Metric(ResilienceMeasures.CallsWithFaults), 6);
        Assert.True(f.Metric(ResilienceMeasures.CircuitOpens) >= 1);
        Assert.Equal(0, n.Metric(ResilienceMeasures.FallbackRate));

        // Nothing reached the dependency: it was "down" for the whole run.
        Assert.Equal(0, dependency.Requests);
        Assert.Equal(0, f.Metric(ResilienceMeasures.ForwardedPerCall));
        Assert.Equal(0, n.Metric(ResilienceMeasures.ForwardedPerCall));

        // ...yet the clients did send attempts: every one was refused by the injected outage. Amplification counts
        // them (first tries and retries; the calls an open breaker rejected made none), all stopped by the fault.
        Assert.True(n.Metric(ResilienceMeasures.Amplification) > 0, $"no-fallback amplification {n.Metric(ResilienceMeasures.Amplification)}");
        Assert.Equal(n.Metric(ResilienceMeasures.Amplification), n.Metric(ResilienceMeasures.StoppedByFaultPerCall), 9);
        Assert.Equal(f.Metric(ResilienceMeasures.Amplification), f.Metric(ResilienceMeasures.StoppedByFaultPerCall), 9);
    }

    private static void Standard(IHttpClientBuilder client) => client.AddStandardResilienceHandler(o =>
    {
        o.Retry.Delay = TimeSpan.FromMilliseconds(50); // the shipped 2 s base back-off would outlast the run
        o.Retry.UseJitter = true;
    });

    // What a real application serves from its cache when the dependency is down: last known data, marked.
    private static HttpResponseMessage Cached()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"id":0,"status":"unknown (cached)"}""", Encoding.UTF8, "application/json"),
        };
        response.Headers.Add(LoadRun.FallbackHeader, "cache");
        return response;
    }
}
