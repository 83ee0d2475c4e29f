namespace FaultLab.Load.Tests;

public sealed class ConsoleOutputTests
{
    [Theory]
    [InlineData(ConsoleOutput.Summary)]
    [InlineData(ConsoleOutput.Live)]
    public async Task Console_modes_render_without_failing(ConsoleOutput mode)
    {
        var scenario = Scenario.Create("console-" + mode, _ => Task.FromResult(Response.Ok(200, tag: "t")))
            .WithLoadSimulations(Simulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5)))
            .WithThresholds(Threshold.SuccessRate(0.99));
        var result = await LoadTest.RunAsync(new LoadTestOptions { ConsoleOutput = mode }, scenario);
        Assert.True(result.Passed);
        result.EnsureThresholdsPassed();
    }

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
}
