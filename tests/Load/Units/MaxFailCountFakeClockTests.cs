using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Load.Tests.Units;

/// <summary>
/// <c>WithMaxFailCount(2)</c> with a step that throws on every third iteration, for every kind of load simulation,
/// on a fake clock. One copy (or one concurrency slot) runs at a time, so the run's counts are exact: iterations 0,
/// 2 and 3 succeed, 1 and 4 throw, and nothing starts after the second failure. Each run is bounded by a real-time
/// hang guard (the only real time used), so a run that never ends fails its test instead of hanging it.
/// </summary>
public sealed class MaxFailCountFakeClockTests
{
    private const string Reason = "MaxFailCount reached: 2 iterations failed";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Kinds => ["inject", "ramping-inject", "iterations-inject", "keep-constant", "ramping-constant", "iterations-constant"];

    /// <summary>Jumps well inside every kind's phases.</summary>
    public static TheoryData<string, TimeSpan> Jumps => new()
    {
        { "inject", TimeSpan.FromSeconds(10) },
        { "ramping-inject", TimeSpan.FromSeconds(10) },
        { "iterations-inject", TimeSpan.FromSeconds(10) },
        { "keep-constant", TimeSpan.FromSeconds(10) },
        { "ramping-constant", TimeSpan.FromSeconds(10) },
        { "iterations-constant", TimeSpan.FromSeconds(10) },
        // No planned end bounds the sampler of an iteration-bound phase: before the fix it closed 2.6 million empty
        // seconds one by one, synchronously, and the run did not end within the hang guard.
        { "iterations-constant", TimeSpan.FromDays(30) },
    };

    /// <summary>
    /// The clock is advanced 1 ms at a time in a tight loop, as fast as the machine allows (the existing fake-clock
    /// tests' driver): it races ahead of the engine, so the engine's waits and its work interleave differently in each
    /// repetition. Before the fix, runs now and then never ended (in one measured pass, one repetition of 200 each for
    /// ramping-inject, ramping-constant and iterations-inject): the per-second sampler fell behind the racing clock and
    /// caught up one second per loop, without ever waiting again. At that rate these repetitions catch the old bug only
    /// now and then: the deterministic jump cases below are its guard; 25 repetitions here keep each kind's stop exact
    /// under varied interleavings at a cost the default run can afford on two cores.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task MaxFailCount_stops_every_kind_of_run_at_the_second_failure_on_a_racing_fake_clock(string kind)
    {
        for (var repetition = 0; repetition < 25; repetition++)
        {
            var result = await RunAsync(kind, jump: TimeSpan.Zero, $"{kind}, repetition {repetition}");

            AssertStoppedAtTheSecondFailure(result, $"{kind}, repetition {repetition}");
        }
    }

    /// <summary>
    /// Once the first iteration has started, the driver moves the fake clock on in one jump (as a test does to skip time,
    /// or as a real clock does for a thread stalled that long), and each iteration takes a second: the sampler wakes that
    /// late once, closes the whole jump in one timeline point and waits for the next whole second again. Before the fix
    /// it stepped through every missed second, adding a zero-length point for each (nine here), or, with no planned
    /// end, did not end at all.
    /// </summary>
    [Theory]
    [MemberData(nameof(Jumps))]
    public async Task A_clock_jump_is_one_timeline_point_and_MaxFailCount_still_stops_the_run(string kind, TimeSpan jump)
    {
        var result = await RunAsync(kind, jump, $"{kind}, jump {jump}");

        AssertStoppedAtTheSecondFailure(result, kind);
        var sampled = result["broken"].Timeline.SkipLast(1).ToList(); // the last point is closed after the drain, not by the sampler
        Assert.Contains(sampled, p => p.LengthSeconds >= jump.TotalSeconds - 1);
        var seconds = sampled.Select(p => Math.Floor(p.StartSeconds + p.LengthSeconds)).ToList();
        Assert.Equal(seconds.Distinct(), seconds); // one point per whole second at most: no zero-length catch-up points
    }

    private static void AssertStoppedAtTheSecondFailure(LoadTestResult run, string label)
    {
        var result = run["broken"];
        Assert.True(result.AbortReason == Reason, $"{label}: abort reason '{result.AbortReason}'");
        Assert.True((result.Stats.Ok, result.Stats.Fail) == (3, 2), $"{label}: ok {result.Stats.Ok}, fail {result.Stats.Fail}");
        Assert.Equal(5, result.Timeline.Sum(p => p.Count));
        Assert.False(result.Passed);
        Assert.False(run.Passed);
        Assert.Contains($"ABORTED: {Reason}", TextReport.Render(run), StringComparison.Ordinal);
        Assert.Contains($"Scenario 'broken' aborted: {Reason}", new ThresholdsFailedException(run).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// An hour or a day of load, or a million iterations: the racing clock covers a second of fake time in a few
    /// milliseconds of real time, so a phase of seconds could end before its first iterations ran. The first five
    /// iterations are due within 20 s, and no schedule has more than a million arrivals (a steep ramp would make the
    /// open-model dispatcher chase ever more overdue arrivals whenever the racing clock got ahead of it). The ramp of
    /// copies runs from one copy to two over a day, so its second copy would join after 12 h: the 1 ms ramp before it
    /// (from zero to one copy) starts none, since its target stays 0 until half of it has passed and fake time moves in
    /// whole milliseconds, and it sets the day's ramp to start from one copy.
    /// </summary>
    private static LoadSimulation[] Load(string kind) => kind switch
    {
        "inject" => [Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))],
        "ramping-inject" => [Simulation.RampingInject(100, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))],
        "iterations-inject" => [Simulation.IterationsForInject(10, TimeSpan.FromSeconds(1), 1_000_000)],
        "keep-constant" => [Simulation.KeepConstant(1, TimeSpan.FromDays(1))],
        "ramping-constant" => [Simulation.RampingConstant(1, TimeSpan.FromMilliseconds(1)), Simulation.RampingConstant(2, TimeSpan.FromDays(1))],
        "iterations-constant" => [Simulation.IterationsForConstant(1, 1_000_000)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind"),
    };

    /// <summary>Throws synchronously, out of the step delegate itself, on iterations 1, 4, 7, …</summary>
    private static Task<Response> ThrowingStep(ScenarioContext ctx) =>
        ctx.Iteration % 3 == 1 ? throw new InvalidOperationException("boom") : Task.FromResult(Response.Ok());

    /// <summary>
    /// Asks the driver for the jump in the first iteration; every iteration takes a second of fake time, so the sampler
    /// wakes between the jump and the stop. (The driver jumps, not the step: the engine's timers fire inside the
    /// <c>Advance</c> call, and inside the step they would run on the thread of the iteration that holds the only slot.)
    /// </summary>
    private static Func<ScenarioContext, Task<Response>> JumpingStep(FakeTimeProvider clock, TaskCompletionSource jumpWanted) => async ctx =>
    {
        if (ctx.Iteration == 0)
        {
            jumpWanted.TrySetResult();
        }

        await Task.Delay(TimeSpan.FromSeconds(1), clock);
        return ctx.Iteration % 3 == 1 ? throw new InvalidOperationException("boom") : Response.Ok();
    };

    private static async Task<LoadTestResult> RunAsync(string kind, TimeSpan jump, string label)
    {
        var clock = new FakeTimeProvider(Now);
        var jumpWanted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scenario = Scenario.Create("broken", jump == TimeSpan.Zero ? ThrowingStep : JumpingStep(clock, jumpWanted))
            .WithMaxFailCount(2)
            .WithMaxConcurrency(1)
            .WithLoadSimulations(Load(kind));
        var options = new LoadTestOptions
        {
            TimeProvider = clock,
            ConsoleOutput = ConsoleOutput.Silent,
            MinWorkerThreads = 0,
            DrainTimeout = TimeSpan.FromDays(7), // the racing clock must never cut an iteration short
        };
        var run = Task.Run(() => LoadTest.RunAsync(options, [scenario], CancellationToken.None));
        using var stopDriving = new CancellationTokenSource();
        var driving = Task.Run(async () =>
        {
            var jumped = false;
            while (!run.IsCompleted && !stopDriving.IsCancellationRequested)
            {
                var jumpNow = !jumped && jumpWanted.Task.IsCompleted;
                clock.Advance(jumpNow ? jump : TimeSpan.FromMilliseconds(1));
                jumped |= jumpNow;
                await Task.Yield();
            }
        });

        var ended = await Task.WhenAny(run, Task.Delay(HangGuard)) == run;
        await stopDriving.CancelAsync();
        // Not awaited after a hang: the engine's timers fire inside Advance, so a stuck engine may hold the driver too.
        Assert.True(ended, $"{label}: the run did not end within {HangGuard.TotalSeconds} s of real time ({clock.GetUtcNow() - Now} of fake time)");
        await driving;
        return await run;
    }
}
