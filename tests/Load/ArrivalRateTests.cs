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
        Assert.True(stats.ScheduleLag.P99Ms < 4, $"p99 schedule lag {stats.ScheduleLag.P99Ms} ms");
        // Per-second timeline: every full second carries 200 ± 2 % arrivals.
        foreach (var second in result["rate"].Timeline.Where(p => p.LengthSeconds > 0.9))
            Assert.InRange(second.Count, 190, 210);
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

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
