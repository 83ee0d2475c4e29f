using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Xunit.Abstractions;

namespace FaultLab.Load.Resilience.Tests;

public sealed class RateLimitTests(ITestOutputHelper output)
{
    private const int Limit = 50;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Rate_limit_of_50_per_second_retries_wait_for_Retry_After_and_the_dependency_never_sees_more_than_50_per_window()
    {
        // Each retry of a 429: the delay Polly chose and the Retry-After the 429 carried.
        var retriesOf429 = new ConcurrentQueue<(TimeSpan Delay, TimeSpan RetryAfter)>();
        await using var dependency = await Dependency.StartAsync();
        await using var clients = new Clients(dependency, services =>
        {
            var client = Clients.Add(services, "orders", dependency);
            client.AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(50); // without Retry-After: the test's time scale
                o.Retry.UseJitter = true;
                o.Retry.OnRetry = args =>
                {
                    if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r && r.Headers.RetryAfter?.Delta is { } after)
                    {
                        retriesOf429.Enqueue((args.RetryDelay, after));
                    }

                    return default;
                };
                // A 429 says "not so fast", not "I am broken": the shipped breaker counts it as a failure and, at a
                // third of attempts rejected, would open and fail everything fast. Count only other transient errors.
                o.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);
            });
            client.AddFaultInjection(f => f.WithSeed(5).AddRateLimit(Limit, Window));
        });
        await clients.WarmUpAsync(dependency);

        // A 2 s burst at 80/s, over the limit, then 25/s, under it: 310 calls where 8 windows allow 400, so
        // everything can get through if the excess waits for the next window — which is what Retry-After says.
        var scenario = LoadRun.Orders("orders", clients["orders"])
            .WithLoadSimulations(
                Simulation.Inject(80, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
                Simulation.Inject(25, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6)))
            .WithMaxConcurrency(300)
            .WithThresholds(Threshold.Dropped(0));

        var (result, seen) = await LoadRun.RunAsync(null, scenario);
        var s = result["orders"];
        var orders = seen["orders"];
        output.WriteLine(s.Describe(dependency.Requests));
        output.WriteLine("faults: " + string.Join(", ", orders.FaultsByKind.Select(kv => $"{kv.Key} × {kv.Value}")));
        result.EnsureThresholdsPassed();

        // The server's own count per window. The simulated limiter's fixed windows start when it first sees a
        // request, a little before that request reaches the server (how much: connection set-up, scheduling), so
        // the server looks for the window alignment in the 100 ms before its first arrival that explains its
        // counts best — the check is that some alignment keeps every window within the limit.
        long first = dependency.ArrivalTimestamps.Min();
        var byPhase = Enumerable.Range(0, 200)
            .Select(i => (Phase: i * 0.5, Max: dependency.MaxPerWindow(first - (long)(i * 0.0005 * Stopwatch.Frequency), Window)))
            .ToList();
        var best = byPhase.MinBy(p => p.Max);
        output.WriteLine($"dependency saw at most {best.Max} requests per {Window.TotalSeconds:0} s window (windows from {best.Phase} ms before its first request; from the first request itself: {byPhase[0].Max})");
        Assert.True(best.Max <= Limit, $"the dependency saw {best.Max} requests in one window (limit {Limit})");
        Assert.True(best.Max >= Limit - 5, $"the burst should use the limit: at most {best.Max} per window"); // the test does test something

        // 429s happened, and every retry of one waited at least as long as its Retry-After asked (delta-seconds,
        // rounded up by the server), never the 50 ms back-off.
        long rejected = orders.FaultsByKind["RateLimit 429"];
        Assert.True(rejected >= 30, $"only {rejected} 429s");
        Assert.NotEmpty(retriesOf429);
        Assert.All(retriesOf429, r => Assert.True(r.Delay >= r.RetryAfter, $"retried after {r.Delay} though Retry-After was {r.RetryAfter}"));
        Assert.Equal(retriesOf429.Count, orders.Retries);
        output.WriteLine($"429s {rejected}, retries {orders.Retries}, retry delays {retriesOf429.Min(r => r.Delay).TotalMilliseconds:0}..{retriesOf429.Max(r => r.Delay).TotalMilliseconds:0} ms");

        // Outcomes by fault: calls that met a 429 and were served after waiting are tagged RateLimit · ok.
        var limited = s.Tag("RateLimit");
        Assert.True(limited.Ok > 0.8 * limited.Count, $"RateLimit-tagged: {limited.Ok}/{limited.Count} ok");
        Assert.True(limited.Latency.P50Ms >= 500, $"a call that waited for the next window took {limited.Latency.P50Ms} ms (p50)");
        Assert.True(s.Stats.SuccessRate >= 0.95, $"success {s.Stats.SuccessRate:P2}");
        Assert.Equal(0, s.Metric(ResilienceMeasures.CircuitOpens));

        // A 429 never leaves the client: the dependency sees each successful call exactly once (amplification =
        // success rate), however many times the client retried — and the server's count says the same.
        Assert.Equal(dependency.Requests, orders.ForwardedToDependency);
        Assert.Equal(s.Stats.Ok, dependency.Requests);
        Assert.Equal(s.Stats.SuccessRate, s.Metric(ResilienceMeasures.ForwardedPerCall), 6);
        Assert.InRange(s.Metric(ResilienceMeasures.Retries) / s.Stats.Count, 0.05, 1.0);

        // The client sent one attempt per call plus one per retry; the 429s are the attempts that never left it.
        var recorded = LoadRun.Recorder("orders");
        Assert.Equal((s.Stats.Count + s.Metric(ResilienceMeasures.Retries)) / s.Stats.Count, s.Metric(ResilienceMeasures.Amplification), 2);
        Assert.Equal(orders.FaultsByKind.Values.Sum() / (double)s.Stats.Count, s.Metric(ResilienceMeasures.StoppedByFaultPerCall), 2);

        // Retry-After under load: the standard handler waited for it on every retry of a 429 — counted from what the
        // fault handler saw, attempt by attempt, per call: many attempts followed a 429, none came early.
        output.WriteLine($"Retry-After: {recorded.RetryAfterResponses} 429s with the header, {recorded.AttemptsAfterRetryAfter} attempts after one, {recorded.RetryAfterViolations} early");
        Assert.True(recorded.AttemptsAfterRetryAfter >= retriesOf429.Count(r => r.RetryAfter > TimeSpan.Zero) / 2, $"{recorded.AttemptsAfterRetryAfter} attempts after a 429");
        foreach (var v in recorded.Evidence)
        {
            output.WriteLine($"  early: attempt {v.Attempt} after {v.StatusCode} Retry-After {v.RetryAfter}: {v.Early.TotalMilliseconds:0.000} ms early");
        }

        Assert.True(recorded.AttemptsAfterRetryAfter > 20);
        Assert.Equal(0, s.Metric(ResilienceMeasures.RetryAfterViolations));
    }
}
