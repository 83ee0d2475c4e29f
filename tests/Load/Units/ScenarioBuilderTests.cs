namespace FaultLab.Load.Tests.Units;

/// <summary>The scenario builder, responses and agent descriptions: defaults, validation and exact messages, no load.</summary>
public sealed class ScenarioBuilderTests
{
    private static readonly Func<ScenarioContext, Task<Response>> Step = _ => Task.FromResult(Response.Ok());

    [Fact]
    public void A_new_scenario_has_documented_defaults()
    {
        var scenario = Scenario.Create("s", Step);

        Assert.Equal(("s", TimeSpan.Zero, 10_000, true, (long?)null), (scenario.Name, scenario.WarmUpDuration, scenario.MaxConcurrency, scenario.RestartIterationOnFail, scenario.MaxFailCount));
        Assert.Same(Step, scenario.Step);
        Assert.Null(scenario.Init);
        Assert.Null(scenario.Clean);
        Assert.Empty(scenario.LoadSimulations);
        Assert.Empty(scenario.Thresholds);
    }

    [Fact]
    public void Fluent_settings_are_kept()
    {
        Func<ScenarioInitContext, Task> init = _ => Task.CompletedTask, clean = _ => Task.CompletedTask;
        var first = Simulation.Pause(TimeSpan.FromSeconds(1));
        var second = Simulation.KeepConstant(1, TimeSpan.FromSeconds(1));
        var rule = Threshold.Dropped();

        var scenario = Scenario.Create("s", Step).WithInit(init).WithClean(clean).WithWarmUpDuration(TimeSpan.FromSeconds(2))
            .WithMaxConcurrency(1).WithRestartIterationOnFail(false).WithMaxFailCount(1)
            .WithLoadSimulations(first).WithLoadSimulations(second, first)
            .WithThresholds(rule).WithThresholds(rule);

        Assert.Equal((TimeSpan.FromSeconds(2), 1, false, (long?)1), (scenario.WarmUpDuration, scenario.MaxConcurrency, scenario.RestartIterationOnFail, scenario.MaxFailCount));
        Assert.Same(init, scenario.Init);
        Assert.Same(clean, scenario.Clean);
        Assert.Equal([second, first], scenario.LoadSimulations); // the last call replaces the phases
        Assert.Equal([rule, rule], scenario.Thresholds);       // thresholds add up
        Assert.Equal(TimeSpan.Zero, Scenario.Create("s", Step).WithWarmUpDuration(TimeSpan.Zero).WarmUpDuration);
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_reason()
    {
        var scenario = Scenario.Create("s", Step);

        Assert.Throws<ArgumentException>(() => Scenario.Create(" ", Step));
        Assert.Throws<ArgumentNullException>(() => Scenario.Create("s", null!));
        Assert.Throws<ArgumentNullException>(() => scenario.WithInit(null!));
        Assert.Throws<ArgumentNullException>(() => scenario.WithClean(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => scenario.WithWarmUpDuration(TimeSpan.FromTicks(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => scenario.WithMaxConcurrency(0));
        Assert.Equal("MaxFailCount must be positive, was 0. (Parameter 'maxFailCount')", Assert.Throws<ArgumentException>(() => scenario.WithMaxFailCount(0)).Message);
        Assert.Equal("LoadSimulations must contain at least one simulation. (Parameter 'simulations')", Assert.Throws<ArgumentException>(() => scenario.WithLoadSimulations()).Message);
        Assert.Equal("LoadSimulations must not contain null. (Parameter 'simulations')", Assert.Throws<ArgumentException>(() => scenario.WithLoadSimulations(Simulation.Pause(TimeSpan.FromSeconds(1)), null!)).Message);
        Assert.Equal("Thresholds must not contain null. (Parameter 'thresholds')", Assert.Throws<ArgumentException>(() => scenario.WithThresholds(Threshold.Dropped(), null!)).Message);
        Assert.Throws<ArgumentNullException>(() => scenario.WithLoadSimulations(null!));
        Assert.Throws<ArgumentNullException>(() => scenario.WithThresholds(null!));
        Assert.Empty(scenario.LoadSimulations);
        Assert.Empty(scenario.Thresholds);
        Assert.Equal(1, scenario.WithMaxFailCount(1).MaxFailCount);
    }

    [Fact]
    public void Responses_carry_outcome_code_size_tag_and_message()
    {
        var ok = Response.Ok(201, 12, "t");
        var fail = Response.Fail(503, "down", "u", 3);

        Assert.Equal((true, (int?)201, "201", 12L, "t", (string?)null), (ok.IsSuccess, ok.StatusCode, ok.Status, ok.SizeBytes, ok.Tag, ok.Message));
        Assert.Equal((false, (int?)503, "503", 3L, "u", "down"), (fail.IsSuccess, fail.StatusCode, fail.Status, fail.SizeBytes, fail.Tag, fail.Message));
        Assert.Equal(((int?)null, (string?)null, 0L), (Response.Ok().StatusCode, Response.Ok().Status, Response.Ok().SizeBytes));
        Assert.Throws<ArgumentOutOfRangeException>(() => Response.Ok(sizeBytes: -1));
    }

    [Theory]
    [InlineData("200", 200)]
    [InlineData("100", 100)]
    [InlineData("999", 999)]
    [InlineData("099", null)]
    [InlineData("1000", null)]
    [InlineData("20", null)]
    [InlineData("+20", null)]
    [InlineData("not found header", null)]
    public void A_textual_status_of_three_digits_from_100_is_also_a_status_code(string status, int? code)
    {
        var response = Response.Create(false, status, 4, "why", "t");

        Assert.Equal((code, status, false, 4L, "why", "t"), (response.StatusCode, response.Status, response.IsSuccess, response.SizeBytes, response.Message, response.Tag));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_status_means_none(string? status)
    {
        var response = Response.Create(true, status);

        Assert.Equal(((int?)null, (string?)null, true), (response.StatusCode, response.Status, response.IsSuccess));
    }

    [Fact]
    public void An_agent_describes_itself_with_or_without_a_start_instant()
    {
        Assert.Equal("agent 0 of 1", new LoadAgent(0, 1).ToString());
        Assert.Equal("agent 1 of 2, start 2026-12-01T09:00:00.000Z", new LoadAgent(1, 2, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1))).ToString());
        Assert.Equal(TimeSpan.Zero, new LoadAgent(1, 2, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1))).StartAt!.Value.Offset);
        Assert.Null(new LoadAgent(0, 1).StartAt);
    }

    [Fact]
    public void A_count_without_an_index_is_refused_naming_both_index_variables()
    {
        var ex = Assert.Throws<ArgumentException>(() => LoadAgent.FromVariables(name => name == LoadAgent.CountVariable ? "2" : null));

        Assert.Equal("FAULTLAB_AGENT_COUNT is set ('2') but neither FAULTLAB_AGENT_INDEX nor JOB_COMPLETION_INDEX is.", ex.Message);
        Assert.Throws<ArgumentNullException>(() => LoadAgent.FromVariables(null!));
        var agent = LoadAgent.FromVariables(name => name switch { LoadAgent.IndexVariable => "0", LoadAgent.CountVariable => "1", LoadAgent.StartAtVariable => "2026-12-01T10:00:00", _ => null })!;
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), agent.StartAt); // no offset: UTC assumed
    }
}
