namespace FaultLab.Load.Tests.Distributed;

public sealed class LoadAgentTests
{
    private static LoadAgent? From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return LoadAgent.FromVariables(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void Reads_index_count_and_start_instant_from_FaultLab_variables()
    {
        var agent = From(("FAULTLAB_AGENT_INDEX", "2"), ("FAULTLAB_AGENT_COUNT", "3"), ("FAULTLAB_AGENT_START_AT", "2026-12-01T10:00:05.250Z"));

        Assert.NotNull(agent);
        Assert.Equal(2, agent.Index);
        Assert.Equal(3, agent.Count);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 5, 250, TimeSpan.Zero), agent.StartAt);
        Assert.Equal("agent 2 of 3, start 2026-12-01T10:00:05.250Z", agent.ToString());
    }

    [Fact]
    public void Falls_back_to_Kubernetes_JOB_COMPLETION_INDEX_and_prefers_the_FaultLab_index()
    {
        Assert.Equal(4, From(("JOB_COMPLETION_INDEX", "4"), ("FAULTLAB_AGENT_COUNT", "5"))!.Index);
        Assert.Equal(1, From(("JOB_COMPLETION_INDEX", "4"), ("FAULTLAB_AGENT_INDEX", "1"), ("FAULTLAB_AGENT_COUNT", "5"))!.Index);
        Assert.Null(From(("FAULTLAB_AGENT_START_AT", "2026-12-01T10:00:00Z"))); // no index, no count: a plain run
    }

    [Theory]
    [InlineData("FAULTLAB_AGENT_INDEX", "3", "FAULTLAB_AGENT_COUNT", "3", "FAULTLAB_AGENT_INDEX must be below FAULTLAB_AGENT_COUNT (3), was 3.")]
    [InlineData("FAULTLAB_AGENT_INDEX", "-1", "FAULTLAB_AGENT_COUNT", "3", "FAULTLAB_AGENT_INDEX must be a whole number of at least 0, was '-1'.")]
    [InlineData("JOB_COMPLETION_INDEX", "0", "FAULTLAB_AGENT_COUNT", "zero", "FAULTLAB_AGENT_COUNT must be a whole number of at least 1, was 'zero'.")]
    [InlineData("JOB_COMPLETION_INDEX", "0", "FAULTLAB_AGENT_START_AT", "soon", "JOB_COMPLETION_INDEX is set ('0') but FAULTLAB_AGENT_COUNT is not: an agent needs the number of agents.")]
    public void Bad_variables_name_the_variable(string name1, string value1, string name2, string value2, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => From((name1, value1), (name2, value2)));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void A_start_instant_that_is_not_an_instant_is_refused_with_an_example()
    {
        var ex = Assert.Throws<ArgumentException>(() => From(("FAULTLAB_AGENT_INDEX", "0"), ("FAULTLAB_AGENT_COUNT", "2"), ("FAULTLAB_AGENT_START_AT", "soon")));
        Assert.Equal("FAULTLAB_AGENT_START_AT must be an ISO 8601 instant such as 2026-12-01T10:00:00Z, was 'soon'.", ex.Message);
    }

    [Fact]
    public void Constructor_checks_its_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadAgent(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadAgent(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadAgent(-1, 3));
    }

    [Theory]
    [InlineData(10, 3, new long[] { 4, 3, 3 })]
    [InlineData(2, 3, new long[] { 1, 1, 0 })]
    [InlineData(7, 7, new long[] { 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(0, 2, new long[] { 0, 0 })]
    public void Shares_add_up_to_the_total_and_differ_by_at_most_one(long total, int agents, long[] expected)
    {
        var shares = Enumerable.Range(0, agents).Select(i => new AgentShare(i, agents).Of(total)).ToArray();
        Assert.Equal(expected, shares);
        Assert.Equal(total, shares.Sum());
    }

    [Fact]
    public void Shared_iterations_go_only_to_agents_that_run_copies()
    {
        // 2 copies over 3 agents: agent 2 runs no copy, so it must not be handed iterations nobody would run.
        var iterations = Enumerable.Range(0, 3).Select(i => new AgentShare(i, 3).IterationsOf(11, copies: 2)).ToArray();
        Assert.Equal([6, 5, 0], iterations);
    }
}
