using System.Diagnostics;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FaultLab.Load.Resilience.Tests;

public sealed class OutageTests(ITestOutputHelper output)
{
    /// <summary>Where scenario 2 writes its reports (HTML included); the screenshot in docs is rendered from it.</summary>
    public static string ReportsFolder { get; } = Path.Combine(Path.GetTempPath(), "faultlab-load-faults");

    [Fact]
    public async Task A_3_s_outage_opens_the_breaker_calls_fail_fast_and_the_service_recovers_after_the_window()
    {
        TimeSpan outageStart = TimeSpan.FromSeconds(3), outageLength = TimeSpan.FromSeconds(3);
        var outage = new OutageFault { Schedule = new FaultSchedule { Start = outageStart, Duration = outageLength } };
        await using var dependency = await Dependency.StartAsync();
        await using var clients = new Clients(dependency, services =>
        {
            var client = Clients.Add(services, "orders", dependency);
            client.AddStandardResilienceHandler(o =>
            {
                // Retries at the test's time scale (the shipped 2 s base back-off would outlast the outage).
                o.Retry.Delay = TimeSpan.FromMilliseconds(50);
                o.Retry.UseJitter = true;
                // The shipped breaker (≥ 100 attempts over 30 s, then 5 s open) would hardly notice a 3 s outage in a
                // 10 s run at 100 calls/s, and once open would stay open past it. At this scale: judge ≥ 10 attempts
                // over 2 s, open for 1 s, so the breaker opens within the window, probes about once a second, and
                // closes soon after the dependency is back. The standard handler requires the sampling duration to be
                // at least twice the attempt timeout, hence the 1 s attempt timeout (the dependency answers in ms).
                o.CircuitBreaker.MinimumThroughput = 10;
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(2);
                o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(1);
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);
            });
            client.AddFaultInjection(f => f.WithSeed(11).AddFault(outage));
        });

        // Warm up first, then resolve the client under test: its fault schedule (the outage window) runs from the
        // moment its handler is created, so the window lines up with the run's timeline.
        await clients.WarmUpAsync(dependency);

        var profileStarted = TimeProvider.System.GetUtcNow(); // the outage's schedule runs from the client's first resolution
        var scenario = LoadRun.Orders("orders", clients["orders"])
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)))
            .WithMaxConcurrency(200)
            .WithThresholds(Threshold.Percentile(99, TimeSpan.FromSeconds(1)), Threshold.Dropped(0), Threshold.SuccessRate(0.6));

        if (Directory.Exists(ReportsFolder))
        {
            Directory.Delete(ReportsFolder, recursive: true);
        }

        long started = Stopwatch.GetTimestamp();
        ResilienceMeasures? measures = null;
        var (result, seen) = await LoadRun.RunAsync(ReportsFolder, m => measures = m.MarkFaultWindows([outage], profileStarted), scenario);
        var s = result["orders"];
        var orders = seen["orders"];
        output.WriteLine(s.Describe(dependency.Requests));
        output.WriteLine("markers: " + string.Join(", ", s.Markers.Select(m => $"{m.Label} @ {m.AtSeconds:0.000} s")));
        output.WriteLine("faults: " + string.Join(", ", orders.FaultsByKind.Select(kv => $"{kv.Key} × {kv.Value}")));
        foreach (var p in s.Timeline)
        {
            output.WriteLine($"  {p.StartSeconds,5:0.0} s  count {p.Count,4}  ok {p.Ok,4}  fail {p.Fail,4}  p99 {p.P99Ms,7:0.0} ms");
        }

        result.EnsureThresholdsPassed();
        Assert.Contains(result.ReportFiles, f => f.EndsWith(".html", StringComparison.Ordinal));

        // The window on the run's timeline: the schedule's 3–6 s, shifted by the gap between the fault profile's
        // start and the run's measured start (a few hundred ms when the machine is busy), as the measures mark it.
        var recovery = Assert.Single(measures!.Recoveries);
        output.WriteLine($"window {recovery.Window.StartSeconds:0.00}–{recovery.Window.EndSeconds:0.00} s, back at {recovery.RecoveredAtSeconds:0.00} s: {recovery.TimeToRecoverSeconds:0.00} s");
        Assert.InRange(recovery.Window.StartSeconds, outageStart.TotalSeconds - 1, outageStart.TotalSeconds);
        Assert.Equal(outageLength.TotalSeconds, recovery.Window.LengthSeconds, 6);

        // The breaker opened inside the window and closed again once the dependency was back.
        double windowFrom = recovery.Window.StartSeconds, windowTo = recovery.Window.EndSeconds;
        var opens = s.Markers.Where(m => m.Label == "circuit open").ToList();
        Assert.True(s.Metric(ResilienceMeasures.CircuitOpens) >= 1);
        Assert.Equal(opens.Count, s.Metric(ResilienceMeasures.CircuitOpens));
        Assert.All(opens, m => Assert.InRange(m.AtSeconds, windowFrom, windowTo + 0.3));
        Assert.InRange(opens[0].AtSeconds, windowFrom, windowFrom + 1.0); // it notices within a second
        var last = s.Markers.Where(m => m.Category == "circuit").MaxBy(m => m.AtSeconds)!;
        Assert.Equal("circuit closed", last.Label);
        Assert.InRange(last.AtSeconds, windowTo, windowTo + 2.0);

        // Recovery, as the measures state it: the breaker closes within its 1 s break after the window, so the
        // caller is back within two timeline buckets of the window's end.
        Assert.InRange(recovery.TimeToRecoverSeconds!.Value, 0, 2);
        double from = outageStart.TotalSeconds, to = (outageStart + outageLength).TotalSeconds;

        // Ground truth: nothing reached the dependency while it was "down" (margins for the profile/run offset).
        double Seconds(long t) => (double)(t - started) / Stopwatch.Frequency;
        Assert.DoesNotContain(dependency.ArrivalTimestamps, t => Seconds(t) > from + 0.3 && Seconds(t) < to - 0.3);

        // Fail fast instead of piling up: calls the breaker rejected outright took next to nothing, ten times less
        // than calls that met the outage first and were retried (back-off) into the open breaker; and the breaker
        // cut the attempts made against the dead dependency: without it every call in the window would cost four
        // injected 503s (a first attempt and three retries). Latency here runs from each call's intended start, so
        // it includes the load generator's own hiccups on a busy 2-core machine: the p99 bound is generous.
        var fast = s.Tag(FaultAwareStep.CircuitOpenTag);
        var retried = s.Stats.Tags.Where(t => t.Tag.Contains("Outage", StringComparison.Ordinal)).ToList();
        Assert.True(fast.Count > 200, $"calls failed fast: {fast.Count}");
        Assert.Equal(0, fast.Ok);
        Assert.True(fast.Latency.P50Ms < 5, $"p50 of failed-fast calls {fast.Latency.P50Ms} ms");
        Assert.True(fast.Latency.P99Ms < 250, $"p99 of failed-fast calls {fast.Latency.P99Ms} ms");
        Assert.NotEmpty(retried);
        Assert.All(retried, t => Assert.True(fast.Latency.P50Ms * 10 < t.Latency.P50Ms,
            $"p50 failed fast {fast.Latency.P50Ms} ms vs [{t.Tag}] {t.Latency.P50Ms} ms"));
        long callsInWindow = s.Timeline.Where(p => p.StartSeconds >= windowFrom && p.StartSeconds < windowTo).Sum(p => p.Count);
        long outage503s = orders.FaultsByKind["Outage 503"];
        Assert.True(outage503s < callsInWindow, $"{outage503s} injected 503s for {callsInWindow} calls in the window (no breaker: ≈ {4 * callsInWindow})");

        // Recovery: the last three seconds are clean.
        var tail = s.Timeline.Where(p => p.StartSeconds >= windowTo + 1).ToList();
        Assert.NotEmpty(tail);
        Assert.True(tail.Sum(p => p.Ok) >= 0.99 * tail.Sum(p => p.Count), $"tail: {tail.Sum(p => p.Ok)}/{tail.Sum(p => p.Count)} ok");
        Assert.InRange(s.Stats.SuccessRate, 0.6, 0.8); // ≈ 70 %: 3 s of 10 s down

        // Amplification as the server counts it equals ResilienceMeasures' figure.
        Assert.Equal(dependency.Requests, orders.ForwardedToDependency);
        Assert.Equal((double)dependency.Requests / s.Stats.Count, s.Metric(ResilienceMeasures.ForwardedPerCall), 6);
        Assert.InRange(s.Metric(ResilienceMeasures.ForwardedPerCall), 0.6, 0.8);
        Assert.Equal(s.Metric(ResilienceMeasures.Amplification),
            s.Metric(ResilienceMeasures.ForwardedPerCall) + s.Metric(ResilienceMeasures.StoppedByFaultPerCall), 9);
    }
}
