using Xunit.Abstractions;

namespace FaultLab.Load.Tests;

/// <summary>
/// A 1 s server stall in a 5 s run: the open model times from the intended start, so its p99 shows the
/// stall (like wrk2); in the closed model the raw p99 hides it and the corrected p99 shows it (like wrk).
/// </summary>
public sealed class StallTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StallAt = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Open_model_p99_shows_a_one_second_stall()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var scenario = Scenario.Create("open", StallingStep(server, client))
            .WithMaxConcurrency(1000)
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));

        var stats = (await Quiet.RunAsync(scenario))["open"].Stats;
        output.WriteLine($"open: count {stats.Count} p50 {stats.Latency.P50Ms} p90 {stats.Latency.P95Ms} p99 {stats.Latency.P99Ms} max {stats.Latency.MaxMs}");

        // ~100 of 500 arrivals fall inside the stall and wait 0–1 s: p99 ≈ 0.98 s, p95 ≈ 0.75 s.
        Assert.InRange(stats.Latency.P99Ms, 850, 1300);
        Assert.True(stats.Latency.P95Ms > 500, $"p95 {stats.Latency.P95Ms}");
        Assert.False(stats.CorrectionApplied);
        Assert.Equal(0, stats.Dropped);
        Assert.InRange(stats.Count, 495, 505);
    }

    [Fact]
    public async Task Closed_model_corrected_p99_shows_the_stall_and_raw_p99_does_not()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var scenario = Scenario.Create("closed", StallingStep(server, client))
            .WithLoadSimulations(Simulation.KeepConstant(8, TimeSpan.FromSeconds(5)));

        var stats = (await Quiet.RunAsync(scenario))["closed"].Stats;
        output.WriteLine($"closed: count {stats.Count} interval {stats.CorrectionIntervalMs} ms; raw p50 {stats.LatencyMeasured.P50Ms} p99 {stats.LatencyMeasured.P99Ms} max {stats.LatencyMeasured.MaxMs}; corrected p50 {stats.Latency.P50Ms} p99 {stats.Latency.P99Ms}");

        Assert.True(stats.CorrectionApplied);
        Assert.True(stats.LatencyMeasured.MaxMs >= 900, "the stalled requests themselves were measured");
        Assert.True(stats.LatencyMeasured.P99Ms < 100, $"raw p99 {stats.LatencyMeasured.P99Ms} ms hides the stall");
        Assert.InRange(stats.Latency.P99Ms, 700, 1100);   // wrk's correction reports ≈ 0.93 s in the same setup
        Assert.True(stats.Latency.Count > stats.LatencyMeasured.Count, "corrected histogram holds back-filled samples");
    }

    [Fact]
    public async Task Closed_model_abort_rule_sees_the_corrected_p99_while_the_run_is_still_going()
    {
        // Thresholds use the corrected distribution — mid-run abort checks too, not only the final verdict.
        await using var server = await LoopbackServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var scenario = Scenario.Create("closed-abort", StallingStep(server, client))
            .WithLoadSimulations(Simulation.KeepConstant(8, TimeSpan.FromSeconds(6)))
            .WithThresholds(Threshold.Percentile(99, TimeSpan.FromMilliseconds(200), abortOnFail: true));

        var result = (await Quiet.RunAsync(scenario))["closed-abort"];
        output.WriteLine($"abort: {result.AbortReason}; ran {result.Stats.DurationSeconds} s, corrected p99 {result.Stats.Latency.P99Ms}");

        Assert.NotNull(result.AbortReason);
        Assert.Contains("p99", result.AbortReason);
        Assert.True(result.Stats.DurationSeconds < 5.5, $"ran {result.Stats.DurationSeconds} s");
    }

    private static Func<ScenarioContext, Task<Response>> StallingStep(LoopbackServer server, HttpClient client)
    {
        var stalled = 0;
        return async ctx =>
        {
            if (ctx.Elapsed >= StallAt && Interlocked.Exchange(ref stalled, 1) == 0)
                server.Stall(TimeSpan.FromSeconds(1));
            using var response = await client.GetAsync("/", ctx.CancellationToken);
            return response.IsSuccessStatusCode ? Response.Ok((int)response.StatusCode) : Response.Fail((int)response.StatusCode);
        };
    }
}
