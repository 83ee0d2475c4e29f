using FaultLab.Selection;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class LatencyFaultTests
{
    [Fact]
    public async Task A_fixed_delay_holds_the_request_for_exactly_that_long_then_lets_it_through()
    {
        using var clients = Clients.Create(f => f.AddLatency(TimeSpan.FromSeconds(3)));

        var pending = clients.Client.GetAsync("/orders");
        clients.TimeProvider.Advance(TimeSpan.FromMilliseconds(2999));

        // The delay's timer is still pending, 1 ms from due: the request cannot have been sent.
        Assert.Equal(clients.TimeProvider.Start + TimeSpan.FromSeconds(3), clients.TimeProvider.NextDue);
        Assert.False(pending.IsCompleted);
        Assert.Equal(0, clients.Upstream.Calls);

        clients.TimeProvider.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(1, clients.Upstream.Calls);
    }

    [Fact]
    public async Task A_cancelled_call_ends_at_cancellation_not_after_the_delay()
    {
        using var clients = Clients.Create(f => f.AddLatency(TimeSpan.FromMinutes(10)));
        using var cts = new CancellationTokenSource();

        var pending = clients.Client.GetAsync("/orders", cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Fact]
    public void Long_tailed_latency_has_the_requested_median_and_p99()
    {
        var distribution = new LatencyDistribution.LogNormal(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(800));
        var random = SeededRandom.Create(7, 0);

        double[] samples = Enumerable.Range(0, 50_000).Select(_ => distribution.Sample(random).TotalMilliseconds).Order().ToArray();

        Assert.InRange(samples[25_000], 47, 53);
        Assert.InRange(samples[49_500], 720, 880);
    }

    [Fact]
    public void Uniform_latency_stays_within_its_bounds()
    {
        var distribution = LatencyDistribution.From(new LatencyFault { Min = TimeSpan.FromMilliseconds(10), Max = TimeSpan.FromMilliseconds(20) });
        var random = SeededRandom.Create(1, 0);

        var samples = Enumerable.Range(0, 10_000).Select(_ => distribution.Sample(random).TotalMilliseconds).ToArray();

        Assert.All(samples, s => Assert.InRange(s, 10, 20));
        Assert.InRange(samples.Average(), 14.7, 15.3);
    }

    [Fact]
    public void A_latency_fault_without_a_delay_is_rejected_naming_the_setting()
    {
        var options = new FaultInjectionOptions();
        options.Faults.Add(new LatencyFault());

        var error = Assert.Single(options.Validate());

        Assert.StartsWith("Faults[0].Delay: a latency fault needs a delay", error);
    }
}
