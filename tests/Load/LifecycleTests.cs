namespace FaultLab.Load.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Init_and_clean_run_once_around_the_iterations()
    {
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var scenario = Scenario.Create("lifecycle", _ => { events.Enqueue("step"); return Task.FromResult(Response.Ok()); })
            .WithInit(ctx => { events.Enqueue("init:" + ctx.ScenarioName); return Task.CompletedTask; })
            .WithClean(_ => { events.Enqueue("clean"); return Task.CompletedTask; })
            .WithLoadSimulations(Simulation.IterationsForConstant(2, 10));
        await Quiet.RunAsync(scenario);
        var list = events.ToList();
        Assert.Equal("init:lifecycle", list[0]);
        Assert.Equal("clean", list[^1]);
        Assert.Equal(10, list.Count(e => e == "step"));
    }

    [Fact]
    public async Task Cancelling_the_run_returns_partial_results_marked_as_cancelled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        var scenario = Scenario.Create("long", async ctx =>
            {
                await Task.Delay(10, ctx.CancellationToken);
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await LoadTest.RunAsync(Quiet.Options, [scenario], cts.Token);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"took {started.Elapsed}");
        Assert.Equal("the run was cancelled", result["long"].AbortReason);
        Assert.InRange(result["long"].Stats.Count, 40, 80);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task Iterations_cut_by_the_drain_timeout_count_as_failures_with_their_latency_not_vanish()
    {
        // The slowest iterations are exactly the ones the drain cuts: dropping them would flatter p99 and success.
        var scenario = Scenario.Create("stuck-tail", async ctx =>
            {
                if (ctx.Iteration == 9)
                    await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
            .WithThresholds(Threshold.SuccessRate(1));

        var options = new LoadTestOptions { ConsoleOutput = ConsoleOutput.Silent, DrainTimeout = TimeSpan.FromMilliseconds(500) };
        var stats = (await LoadTest.RunAsync(options, scenario))["stuck-tail"].Stats;

        Assert.Equal(10, stats.Count + stats.Dropped);
        Assert.Equal(1, stats.Fail);
        Assert.True(stats.Latency.MaxMs >= 500, $"max {stats.Latency.MaxMs} ms");
        Assert.Equal(1, stats.StatusCodes.Single(c => c.StatusCode is null).Fail);
    }
}
