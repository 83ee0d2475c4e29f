using System.Net;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FaultLab.Load.Resilience.Tests;

public sealed class RetryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_percent_injected_503s_standard_handler_keeps_success_above_99_5_percent_bare_client_sees_80()
    {
        await using var dependency = await Dependency.StartAsync();
        await using var clients = new Clients(dependency, services =>
        {
            // The standard handler as shipped waits 2 s (exponential, jittered) before its first retry; a 10 s run
            // would mostly measure that back-off. 50 ms keeps the same shape (3 retries, exponential, jitter) at the
            // test's time scale.
            //
            // Its circuit breaker as shipped opens at a 10 % failure ratio (over ≥ 100 attempts in 30 s): a steady 20 %
            // of 503s is, to it, an outage, and it would fail fast for 5 s at a time — "default-breaker" below shows
            // that. A 20 % error rate is what retries are for, so "standard" raises the ratio to 50 %.
            //
            // With the shipped 3 retries a call fails when 4 attempts in a row draw the 20 %: 0.16 %, ≈ 1.3 of 800
            // calls, and 5 or more (below 99.5 %) in ≈ 1 % of runs — a flaky bound. A 4th retry makes it 0.03 %, and
            // the 99.5 % bound fails in ≈ 1 run in 100 000.
            var withHandler = Clients.Add(services, "standard", dependency);
            withHandler.AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(50);
                o.Retry.UseJitter = true;
                o.Retry.MaxRetryAttempts = 4;
                o.CircuitBreaker.FailureRatio = 0.5;
            });
            withHandler.AddFaultInjection(f => f.WithSeed(7).AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.2));
            var defaultBreaker = Clients.Add(services, "default-breaker", dependency);
            defaultBreaker.AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(50);
                o.Retry.UseJitter = true;
            });
            defaultBreaker.AddFaultInjection(f => f.WithSeed(7).AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.2));
            Clients.Add(services, "bare", dependency)
                .AddFaultInjection(f => f.WithSeed(7).AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.2));
        });

        await clients.WarmUpAsync(dependency);

        var standard = LoadRun.Orders("standard", clients["standard"])
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)))
            .WithMaxConcurrency(200)
            .WithThresholds(Threshold.SuccessRate(0.995), Threshold.Percentile(99, TimeSpan.FromSeconds(1)), Threshold.Dropped(0));
        var bare = LoadRun.Orders("bare", clients["bare"])
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)))
            .WithMaxConcurrency(200)
            .WithThresholds(Threshold.SuccessRate(0.75), Threshold.Dropped(0));
        var shipped = LoadRun.Orders("default-breaker", clients["default-breaker"])
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)))
            .WithMaxConcurrency(200)
            .WithThresholds(Threshold.Dropped(0));

        var (result, seen) = await LoadRun.RunAsync(null, standard, bare, shipped);
        var s = result["standard"];
        var b = result["bare"];
        var d = result["default-breaker"];
        foreach (var scenario in result.Scenarios)
        {
            output.WriteLine(scenario.Describe(seen[scenario.Name].ForwardedToDependency));
        }

        result.EnsureThresholdsPassed();

        // The shipped breaker trips on a 20 % error rate and turns a recoverable fault into mostly fast failures.
        Assert.True(d.Metric(ResilienceMeasures.CircuitOpens) >= 1);
        Assert.True(d.Tag(FaultAwareStep.CircuitOpenTag).Count > 0.3 * d.Stats.Count, $"circuit open: {d.Tag(FaultAwareStep.CircuitOpenTag).Count}");
        Assert.True(d.Stats.SuccessRate < 0.7, $"default breaker success {d.Stats.SuccessRate:P2}");

        // The difference is the point: the same 20 % of injected 503s, retried away by one client, seen by the other.
        Assert.InRange(s.Stats.SuccessRate, 0.995, 1.0);
        Assert.InRange(b.Stats.SuccessRate, 0.75, 0.85);
        Assert.Equal(s.Stats.SuccessRate, s.Metric(ResilienceMeasures.SuccessRate));

        // Injected fault rate vs caller-visible success. Bare: one attempt per call, so faults per call ≈ 0.2 and
        // every faulted call fails. Standard: ≈ 1.25 attempts per call (1 / 0.8), so ≈ 0.25 faults per call, while
        // the share of calls touched by a fault stays ≈ 0.2 (a retry of a faulted call is the same call).
        Assert.InRange(b.Metric(ResilienceMeasures.InjectedPerCall), 0.15, 0.25);
        Assert.Equal(b.Stats.Fail, seen["bare"].FaultsInjected);
        Assert.InRange(s.Metric(ResilienceMeasures.InjectedPerCall), 0.19, 0.31);
        Assert.InRange(s.Metric(ResilienceMeasures.CallsWithFaults), 0.15, 0.25);
        Assert.InRange(s.Metric(ResilienceMeasures.Retries) / s.Stats.Count, 0.19, 0.31);
        Assert.Equal(seen["standard"].FaultsInjected, seen["standard"].Retries + s.Stats.Fail); // each 503 → a retry, or it surfaces

        // Which fault produced which outcome: Status·ok = a retry rescued it; Status·fail = 4 in a row.
        var rescued = s.Tag("Status");
        Assert.True(rescued.Count > 0.15 * s.Stats.Count, $"Status-tagged calls: {rescued.Count}");
        Assert.InRange(rescued.SuccessRate, 0.97, 1.0);
        Assert.Equal(0, b.Tag("Status").Ok);
        Assert.Equal(b.Stats.Fail, b.Tag("Status").Fail);
        Assert.Equal(1.0, b.Tag(FaultAwareStep.NoFaultTag).SuccessRate);

        // Retry amplification as the dependency counts it. An injected 503 never leaves the client, so the
        // dependency sees one request per successful call: ≈ 1.0 with retries, ≈ 0.8 without. The server's own
        // count and FaultLab's "forwarded" figure must agree (all clients hit the same server, so compare the sums).
        long calls = result.Scenarios.Sum(x => x.Stats.Count);
        double serverPerCall = (double)dependency.Requests / calls;
        double measured = result.Scenarios.Sum(x => x.Metric(ResilienceMeasures.ForwardedPerCall) * x.Stats.Count) / calls;
        output.WriteLine($"dependency saw {dependency.Requests} requests for {calls} calls: {serverPerCall:0.0000}/call; ResilienceMeasures: {measured:0.0000}/call");
        Assert.Equal(serverPerCall, measured, 6);
        Assert.Equal(dependency.Requests, seen.Values.Sum(x => x.ForwardedToDependency));
        Assert.InRange(s.Metric(ResilienceMeasures.ForwardedPerCall), 0.995, 1.0);
        Assert.InRange(b.Metric(ResilienceMeasures.ForwardedPerCall), 0.75, 0.85);

        // Split honestly: the bare client sends exactly one attempt per call (amplification 1.000, not 0.8); the
        // 503s are the attempts an injected fault stopped. The standard client sends 1 + retries per call.
        Assert.Equal(1.0, b.Metric(ResilienceMeasures.Amplification), 9);
        Assert.Equal(1.0 - b.Metric(ResilienceMeasures.ForwardedPerCall), b.Metric(ResilienceMeasures.StoppedByFaultPerCall), 9);
        Assert.Equal(b.Stats.Fail / (double)b.Stats.Count, b.Metric(ResilienceMeasures.StoppedByFaultPerCall), 9);
        Assert.Equal((s.Stats.Count + s.Metric(ResilienceMeasures.Retries)) / s.Stats.Count, s.Metric(ResilienceMeasures.Amplification), 2);
        Assert.Equal(0, s.Metric(ResilienceMeasures.CircuitOpens));
    }
}
