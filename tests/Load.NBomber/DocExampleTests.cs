using FaultLab.Load.NBomber.Contracts;

namespace LoadNBomber.Tests;

/// <summary>
/// NBomber's own documented examples (PragmaticFlow/NBomber examples/Demo, copied into NBomberDocs/ with only their
/// using lines changed) run unchanged, compressed in time by <see cref="FaultLab.Load.NBomber.NBomberOverrides"/>.
/// </summary>
public sealed class DocExampleTests
{
    [Fact]
    public void HelloWorld_injects_every_arrival_of_the_schedule()
    {
        using var run = new CompatRun(timeScale: 0.1);
        new Demo.HelloWorld.HelloWorldExample().Run();

        var s = run.Stats.ScenarioStats.Get("hello_world_scenario");
        Assert.Equal(4500, s.AllRequestCount); // Inject(rate: 150, interval: 1 s, during: 30 s): 150 × 30 arrivals
        Assert.Equal(4500, s.Ok.Request.Count);
        Assert.Equal(100, s.Ok.Request.Percent);
        Assert.Equal(0, s.Fail.Request.Count);
        Assert.True(s.Ok.Latency.MinMs >= 490, $"each iteration awaits Task.Delay(500); min was {s.Ok.Latency.MinMs} ms");
        Assert.Equal(0, run.Stats.FaultLabResult!["hello_world_scenario"].Stats.Dropped);
        foreach (var extension in new[] { ".txt", ".html", ".csv", ".md" })
            Assert.Single(run.ReportFiles(extension)); // NBomber's default formats
    }

    [Fact]
    public void ScenarioWithInit_runs_init_before_and_clean_after_the_load()
    {
        using var run = new CompatRun(timeScale: 0.2);
        new Demo.HelloWorld.ScenarioWithInit().Run();

        Assert.True(run.Stats.ScenarioStats.Get("scenario_1").AllOkCount >= 1);
        var logs = run.Logs.ToList();
        Assert.Equal(0, logs.IndexOf("MY INIT"));
        Assert.Equal(logs.Count - 1, logs.IndexOf("MY CLEAN"));
    }

    [Fact]
    public void ScenarioWithTimeout_records_the_codes_own_timeout_as_NBomber_does()
    {
        using var run = new CompatRun(timeScale: 0.1);
        new Demo.HelloWorld.ScenarioWithTimeout().Run();

        var s = run.Stats.ScenarioStats.Get("scenario_with_timeout");
        Assert.True(s.AllFailCount >= 50); // 50 copies, each cancelled after 600 ms (on a busy machine a Task.Delay(1000) may win)
        Assert.True(s.AllFailCount > 10 * s.AllOkCount, $"ok {s.AllOkCount}, fail {s.AllFailCount}");
        Assert.Equal(s.AllFailCount, s.Fail.StatusCodes.Get("-100").Count);
        Assert.True(s.Fail.Latency.MinMs >= 590, $"cancelled after 600 ms; min was {s.Fail.Latency.MinMs} ms");
    }

}

/// <summary>NBomber's load-simulation examples (examples/Demo/HelloWorld/LoadSimulation), run unchanged and compressed in time.</summary>
public sealed class DocSimulationExampleTests
{
    [Fact]
    public void ScenarioInjectRate_runs_ramping_inject_then_inject_then_inject_random()
    {
        using var run = new CompatRun(timeScale: 0.02);
        new Demo.HelloWorld.LoadSimulation.ScenarioInjectRate().Run();

        var s = run.Stats.ScenarioStats.Get("hello_world_scenario");
        var result = run.Stats.FaultLabResult!["hello_world_scenario"];
        Assert.Equal(0, result.Stats.Dropped);
        // RampingInject 0→50 over 60 intervals (1 500) + Inject 50 × 60 (3 000) + InjectRandom 10..50 × 30 intervals.
        Assert.InRange(s.AllRequestCount, 1_500 + 3_000 + 30 * 10, 1_500 + 3_000 + 30 * 50);
        Assert.Equal(s.AllRequestCount, s.AllOkCount);
        Assert.Equal("inject_random", s.LoadSimulationStats.SimulationName);
        Assert.Equal(32, result.Simulations.Count); // the two phases plus one seeded Inject per random interval
    }

    [Fact]
    public void ScenarioKeepConstant_ramps_then_keeps_fifty_copies()
    {
        using var run = new CompatRun(timeScale: 0.05);
        new Demo.HelloWorld.LoadSimulation.ScenarioKeepConstant().Run();

        var s = run.Stats.ScenarioStats.Get("hello_world_scenario");
        Assert.True(s.AllOkCount >= 50, $"50 copies for 1.5 s of 1 s iterations; got {s.AllOkCount}");
        Assert.Equal(0, s.AllFailCount);
        Assert.Equal(new LoadSimulationStatsExpected("keep_constant", 50), new LoadSimulationStatsExpected(s.LoadSimulationStats.SimulationName, s.LoadSimulationStats.Value));
    }

    [Fact]
    public void ScenarioTotalIterations_runs_exactly_the_iteration_budget()
    {
        using var run = new CompatRun(timeScale: 0.1);
        new Demo.HelloWorld.LoadSimulation.ScenarioTotalIterations().Run();

        // IterationsForConstant(copies: 50, iterations: 1000); the time scale shrinks iteration budgets too.
        Assert.Equal(100, run.Stats.ScenarioStats.Get("hello_world_scenario").AllOkCount);
    }

    [Fact]
    public void ParallelScenarios_run_together_with_their_own_status_codes_and_sizes()
    {
        using var run = new CompatRun(timeScale: 0.05);
        new Demo.HelloWorld.LoadSimulation.ParallelScenarios().Run();

        var one = run.Stats.ScenarioStats.Get("scenario_1");
        var two = run.Stats.ScenarioStats.Get("scenario_2");
        Assert.True(one.AllOkCount >= 10 && two.AllOkCount >= 1);
        Assert.Equal(one.AllOkCount, one.Ok.StatusCodes.Get("200").Count);
        Assert.Equal(two.AllOkCount, two.Ok.StatusCodes.Get("203").Count);
        Assert.Equal(1000L * one.AllOkCount, one.AllBytes);
        Assert.Equal(one.AllRequestCount + two.AllRequestCount, run.Stats.AllRequestCount);
    }

    [Fact]
    public void DelayedScenarioStart_pauses_before_the_load()
    {
        using var run = new CompatRun(timeScale: 0.04);
        new Demo.HelloWorld.LoadSimulation.DelayedScenarioStart().Run();

        var result = run.Stats.FaultLabResult!["scenario_1"];
        Assert.True(result.Stats.Ok >= 1);
        Assert.Equal("Pause during 400 ms", result.Simulations[0]); // Pause(10 s), compressed by 0.04
    }

    [Fact]
    public void SimpleHttpExample_says_plainly_that_worker_plugins_are_not_supported()
    {
        var error = Assert.Throws<NotSupportedException>(() => new Demo.HTTP.SimpleHttpExample().Run());
        Assert.Contains("WithWorkerPlugins", error.Message, StringComparison.Ordinal);
    }

    private sealed record LoadSimulationStatsExpected(string Name, int Value);
}

/// <summary>NBomber's step examples (examples/Demo/HelloWorld), run unchanged and compressed in time.</summary>
public sealed class DocStepExampleTests
{
    [Fact]
    public void ScenarioWithSteps_reports_each_step_and_the_payload_check()
    {
        using var run = new CompatRun(timeScale: 0.05);
        new Demo.HelloWorld.ScenarioWithSteps().Run();

        var s = run.Stats.ScenarioStats.Get("hello_world_scenario");
        Assert.True(s.AllOkCount > 0);
        Assert.Equal(0, s.AllFailCount); // the payloads reached the final check: Response.Ok(statusCode: "200")
        Assert.Equal(s.AllOkCount, s.Ok.StatusCodes.Get("200").Count);
        Assert.Equal(["step_1", "step_2"], s.StepStats.Select(x => x.StepName));
        foreach (var step in s.StepStats)
        {
            Assert.Equal(s.AllOkCount, step.Ok.Request.Count);
            Assert.Equal(10, step.Ok.DataTransfer.MinBytes); // Response.Ok(payload: ..., sizeBytes: 10)
            Assert.Equal(10L * step.Ok.Request.Count, step.Ok.DataTransfer.AllBytes);
            Assert.True(step.Ok.Latency.MinMs >= 990, $"{step.StepName} awaits Task.Delay(1000); min was {step.Ok.Latency.MinMs} ms");
        }
        Assert.Contains("step_1", File.ReadAllText(Assert.Single(run.ReportFiles(".md"))));
    }

    [Fact]
    public void StepsShareData_passes_data_through_payloads_the_Data_dictionary_and_closures()
    {
        using var run = new CompatRun(timeScale: 0.1);
        new Demo.HelloWorld.StepsShareData().Run();

        var s = run.Stats.ScenarioStats.Get("hello_world_scenario");
        Assert.True(s.AllOkCount >= 1);
        Assert.Equal(0, s.AllFailCount);
        Assert.Equal(["step_1", "step_2", "step_3"], s.StepStats.Select(x => x.StepName));
        Assert.Contains("step_1 response", run.Logs);
        Assert.Contains("txt", run.Logs);
        Assert.Contains("2", run.Logs);
        Assert.Contains("data from step 3", run.Logs);
    }

    [Fact]
    public void ScenarioWithStepRetry_keeps_the_iteration_going_after_failed_steps()
    {
        using var run = new CompatRun(timeScale: 0.1);
        new Demo.HelloWorld.ScenarioWithStepRetry().Run();

        var s = run.Stats.ScenarioStats.Get("hello_world_scenario");
        var step = s.StepStats.Get("step_1");
        Assert.True(s.AllOkCount >= 1);
        Assert.Equal(0, s.AllFailCount);
        Assert.Equal(s.AllOkCount, step.Ok.Request.Count);          // the third attempt succeeds
        Assert.Equal(2 * s.AllOkCount, step.Fail.Request.Count);    // after two failed ones, retried in the same iteration
        Assert.Equal(67, step.Fail.Request.Percent);
    }
}
