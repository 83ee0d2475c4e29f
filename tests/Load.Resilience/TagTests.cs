using FaultLab.Load.Resilience;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>The tags the fault-aware step writes, and which of them name an injected fault.</summary>
public sealed class TagTests
{
    [Theory]
    [InlineData("Status", true)]
    [InlineData("Status + Latency", true)]
    [InlineData("fallback ← Outage", true)]
    [InlineData("circuit open ← Status", true)]
    [InlineData(FaultAwareStep.NoFaultTag, false)]
    [InlineData(FaultAwareStep.CircuitOpenTag, false)]
    [InlineData("fallback ← no fault", false)]
    [InlineData("fallback ← circuit open", false)]
    [InlineData("fallback ←no fault", false)]
    public void A_tag_names_an_injected_fault_unless_what_follows_its_last_arrow_is_no_fault_or_circuit_open(string tag, bool injected)
    {
        Assert.Equal(injected, FaultAwareStep.HasInjectedFault(tag));
    }

    [Fact]
    public void Tags_and_arguments()
    {
        Assert.Equal(("no fault", "circuit open"), (FaultAwareStep.NoFaultTag, FaultAwareStep.CircuitOpenTag));
        Assert.Throws<ArgumentNullException>(() => FaultAwareStep.HasInjectedFault(null!));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://api.test/");
        Assert.Equal("no fault", FaultAwareStep.Tag(request, fallback: false));
        Assert.Equal("fallback ← no fault", FaultAwareStep.Tag(request, fallback: true));
    }
}
