namespace FaultLab.Load.Tests;

public sealed class ValidationTests
{
    private static readonly TimeSpan S = TimeSpan.FromSeconds(1);
    private static Scenario Noop(string name = "s") => Scenario.Create(name, _ => Task.FromResult(Response.Ok()));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Non_positive_rates_are_rejected_naming_the_rate(double rate)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(rate, S, S));
        Assert.Equal("rate", ex.ParamName);
    }

    [Fact]
    public void Zero_durations_intervals_and_copies_are_rejected_naming_the_setting()
    {
        Assert.Equal("during", Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(1, S, TimeSpan.Zero)).ParamName);
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(1, TimeSpan.Zero, S)).ParamName);
        Assert.Equal("copies", Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.KeepConstant(0, S)).ParamName);
        Assert.Equal("during", Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.KeepConstant(1, -S)).ParamName);
        Assert.Equal("iterations", Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.IterationsForConstant(1, 0)).ParamName);
        Assert.Equal("during", Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Pause(TimeSpan.Zero)).ParamName);
        Assert.Equal("maxConcurrency", Assert.Throws<ArgumentOutOfRangeException>(() => Noop().WithMaxConcurrency(0)).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => Noop().WithWarmUpDuration(-S)).ParamName);
        Assert.Equal("atLeast", Assert.Throws<ArgumentOutOfRangeException>(() => Threshold.SuccessRate(1.5)).ParamName);
        Assert.Equal("percentile", Assert.Throws<ArgumentOutOfRangeException>(() => Threshold.Percentile(0, S)).ParamName);
    }

    [Fact]
    public async Task Empty_scenario_list_is_rejected()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Quiet.RunAsync());
        Assert.Equal("scenarios", ex.ParamName);
    }

    [Fact]
    public async Task Duplicate_names_are_rejected_before_any_load()
    {
        var calls = 0;
        Scenario Counting() => Scenario.Create("twin", _ => { Interlocked.Increment(ref calls); return Task.FromResult(Response.Ok()); })
            .WithLoadSimulations(Simulation.KeepConstant(1, S));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Quiet.RunAsync(Counting(), Counting()));
        Assert.Contains("'twin'", ex.Message);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_scenario_without_simulations_is_rejected_loudly()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Quiet.RunAsync(Noop("bare")));
        Assert.Contains("'bare'", ex.Message);
        Assert.Contains("LoadSimulations", ex.Message);
    }

    [Fact]
    public void Fluent_calls_whose_result_is_ignored_still_apply()
    {
        // NBomber #632: with immutable builders this silently kept the defaults.
        var scenario = Noop();
        scenario.WithLoadSimulations(Simulation.KeepConstant(3, S));
        scenario.WithMaxConcurrency(7);
        scenario.WithWarmUpDuration(S);
        Assert.Single(scenario.LoadSimulations);
        Assert.Equal(7, scenario.MaxConcurrency);
        Assert.Equal(S, scenario.WarmUpDuration);
    }

    [Fact]
    public void A_negative_response_size_is_refused_where_it_is_written()
    {
        // Summed into the bytes total, a negative size would silently shrink it.
        Assert.Equal("sizeBytes", Assert.Throws<ArgumentOutOfRangeException>(() => Response.Ok(sizeBytes: -1)).ParamName);
        Assert.Equal("sizeBytes", Assert.Throws<ArgumentOutOfRangeException>(() => Response.Fail(sizeBytes: -1)).ParamName);
        Assert.Equal(0, Response.Ok(sizeBytes: 0).SizeBytes);
    }
}
