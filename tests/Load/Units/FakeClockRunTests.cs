using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Load.Tests.Units;

/// <summary>
/// Whole runs on a fake clock: the engine's timer path (used for every clock but the system one) is driven by
/// advancing a <see cref="FakeTimeProvider"/>, so the schedule — intended starts, counts, copy numbers — is exact and
/// nothing waits for real time. Latencies depend on how fast the machine runs the steps and are not asserted.
/// </summary>
public sealed class FakeClockRunTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Open_model_arrivals_start_exactly_on_their_schedule_and_all_complete()
    {
        var intended = new ConcurrentBag<double>();
        var scenario = Scenario.Create("open", ctx =>
        {
            intended.Add(ctx.Elapsed.TotalSeconds);
            return Task.FromResult(Response.Ok(200, sizeBytes: 2));
        }).WithLoadSimulations(
            Simulation.Inject(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            Simulation.Pause(TimeSpan.FromSeconds(1)),
            Simulation.RampingInject(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
        .WithThresholds(Threshold.Dropped(), Threshold.SuccessRate(1));

        var result = await RunAsync(scenario);
        var stats = result["open"].Stats;

        // 4 per second for 1 s, nothing for 1 s, then a ramp 4 → 0 over 1 s: N(t) = 4t − 2t², arrivals at N = 0, 1.
        Assert.Equal([0, 0.25, 0.5, 0.75, 2, 2 + ((4 - Math.Sqrt(8)) / 4)], intended.Order().Select(t => Math.Round(t, 6)), new RoundedComparer());
        Assert.Equal((6L, 6L, 0L, 0L, 12L), (stats.Count, stats.Ok, stats.Fail, stats.Dropped, stats.Bytes));
        Assert.Equal(6, result["open"].Timeline.Sum(p => p.Count));
        Assert.Equal([("200", 6L)], stats.StatusCodes.Select(c => (c.Label, c.Count)));
        Assert.Equal(6, stats.ScheduleLag.Count);
        Assert.False(stats.CorrectionApplied);
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task Shared_iterations_run_exactly_once_each_across_the_copies()
    {
        var copies = new ConcurrentBag<int>();
        var scenario = Scenario.Create("closed", ctx =>
        {
            copies.Add(ctx.CopyNumber);
            return Task.FromResult(ctx.Iteration % 2 == 0 ? Response.Ok() : Response.Fail(500));
        }).WithLoadSimulations(Simulation.IterationsForConstant(3, 7), Simulation.IterationsForInject(2, TimeSpan.FromSeconds(1), 3));

        var stats = (await RunAsync(scenario))["closed"].Stats;

        Assert.Equal(10, copies.Count);
        Assert.True(copies.All(c => c is >= 0 and < 3), string.Join(",", copies));
        Assert.Equal((10L, 5L, 5L), (stats.Count, stats.Ok, stats.Fail));
        Assert.True(stats.CorrectionApplied);
    }

    [Fact]
    public async Task Warm_up_iterations_run_at_the_first_phase_level_and_are_not_counted()
    {
        var warm = 0;
        var scenario = Scenario.Create("warm", ctx =>
        {
            if (ctx.IsWarmUp)
            {
                Interlocked.Increment(ref warm);
            }

            return Task.FromResult(Response.Ok());
        }).WithWarmUpDuration(TimeSpan.FromSeconds(2))
          .WithLoadSimulations(Simulation.Inject(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var stats = (await RunAsync(scenario))["warm"].Stats;

        Assert.Equal(10, warm);
        Assert.Equal(5, stats.Count);
    }

    [Fact]
    public async Task Agents_share_the_arrivals_of_one_schedule_from_a_common_start_instant()
    {
        var startAt = Now.AddSeconds(1);
        var scenario = Scenario.Create("split", _ => Task.FromResult(Response.Ok()))
            .WithLoadSimulations(Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var results = new List<LoadTestResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await RunAsync(scenario, new LoadAgent(i, 3, startAt))); // each agent on its own clock, all at Now
        }

        Assert.Equal([4L, 3L, 3L], results.Select(r => r["split"].Stats.Count));
        Assert.Equal(startAt, results[0]["split"].MeasuredStartedAt);
        Assert.Equal(new AgentRun(0, 3, startAt, 0), results[0].Agent);
        Assert.Equal(10, LoadResultMerge.Merge(results).Scenarios[0].Stats.Count);
    }

    private static async Task<LoadTestResult> RunAsync(Scenario scenario, LoadAgent? agent = null)
    {
        var clock = new TimerCountingClock(Now);
        var options = new LoadTestOptions
        {
            TimeProvider = clock,
            ConsoleOutput = ConsoleOutput.Silent,
            MinWorkerThreads = 0,
            DrainTimeout = TimeSpan.FromDays(7), // fake time races ahead of the steps on a busy machine; no straggler is ever cut
            Agent = agent,
        };
        var run = Task.Run(() => LoadTest.RunAsync(options, [scenario], CancellationToken.None));
        var limit = clock.GetUtcNow().AddDays(1);
        while (!run.IsCompleted)
        {
            Assert.True(clock.GetUtcNow() < limit, "the run did not end within a day of fake time");
            // Nothing waits on the clock before the run has started: time advanced earlier only makes an agent late
            // for its start instant (or past it, which the runner refuses) before the test has begun.
            if (clock.TimersCreated > 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
            }

            await Task.Yield();
        }

        return await run;
    }

    private sealed class TimerCountingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int _timersCreated;

        public int TimersCreated => Volatile.Read(ref _timersCreated);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timersCreated);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;

        public int GetHashCode(double obj) => 0;
    }
}
