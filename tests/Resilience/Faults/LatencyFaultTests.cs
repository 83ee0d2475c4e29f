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
    public async Task A_zero_delay_sends_at_once_and_is_not_reported_as_injected()
    {
        // A uniform 0..max can draw zero: nothing was delayed, so the request must not count as a latency injection.
        using var clients = Clients.Create(f => f.AddLatency(TimeSpan.Zero));

        using var response = await clients.Client.GetAsync("/orders").WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(1, clients.Upstream.Calls);
        Assert.Empty(InjectedFault.For(response.RequestMessage!));
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

        Assert.Equal("Faults:0:Delay: a latency fault needs a delay: Delay, or Min and Max, or P50 and P99.", error);
    }
    [Fact]
    public void Each_valid_shape_has_no_errors_including_its_edges()
    {
        Assert.Empty(FaultErrors.Of(new LatencyFault { Delay = TimeSpan.Zero }));
        Assert.Empty(FaultErrors.Of(new LatencyFault { Min = TimeSpan.Zero, Max = TimeSpan.Zero }));
        Assert.Empty(FaultErrors.Of(new LatencyFault { Min = TimeSpan.FromMilliseconds(5), Max = TimeSpan.FromMilliseconds(5) }));
        Assert.Empty(FaultErrors.Of(new LatencyFault { P50 = TimeSpan.FromTicks(1), P99 = TimeSpan.FromTicks(1) }));
    }

    [Fact]
    public void More_than_one_shape_is_rejected()
    {
        Assert.Equal(["Faults:0:Delay: give only one latency shape: Delay, or Min and Max, or P50 and P99."],
            FaultErrors.Of(new LatencyFault { Delay = TimeSpan.FromSeconds(1), Min = TimeSpan.Zero, Max = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:Delay: give only one latency shape: Delay, or Min and Max, or P50 and P99."],
            FaultErrors.Of(new LatencyFault { Delay = TimeSpan.FromSeconds(1), P50 = TimeSpan.FromSeconds(1), P99 = TimeSpan.FromSeconds(2) }));
        Assert.Equal(["Faults:0:Delay: give only one latency shape: Delay, or Min and Max, or P50 and P99."],
            FaultErrors.Of(new LatencyFault { Max = TimeSpan.FromSeconds(1), Min = TimeSpan.Zero, P99 = TimeSpan.FromSeconds(2), P50 = TimeSpan.FromSeconds(1) }));
    }

    [Fact]
    public void Each_bad_shape_is_rejected_naming_the_setting_with_its_values()
    {
        Assert.Equal(["Faults:0:Delay: must not be negative (was -00:00:00.0010000)."], FaultErrors.Of(new LatencyFault { Delay = TimeSpan.FromMilliseconds(-1) }));
        Assert.Equal(["Faults:0:Max: a uniform delay needs 0 <= Min <= Max (was Min=00:00:02, Max=00:00:01)."],
            FaultErrors.Of(new LatencyFault { Min = TimeSpan.FromSeconds(2), Max = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:Max: a uniform delay needs 0 <= Min <= Max (was Min=-00:00:01, Max=00:00:01)."],
            FaultErrors.Of(new LatencyFault { Min = TimeSpan.FromSeconds(-1), Max = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:Max: a uniform delay needs 0 <= Min <= Max (was Min=, Max=00:00:01)."],
            FaultErrors.Of(new LatencyFault { Max = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:Max: a uniform delay needs 0 <= Min <= Max (was Min=00:00:01, Max=)."],
            FaultErrors.Of(new LatencyFault { Min = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:P99: a long-tailed delay needs 0 < P50 <= P99 (was P50=00:00:00, P99=00:00:01)."],
            FaultErrors.Of(new LatencyFault { P50 = TimeSpan.Zero, P99 = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:P99: a long-tailed delay needs 0 < P50 <= P99 (was P50=00:00:02, P99=00:00:01)."],
            FaultErrors.Of(new LatencyFault { P50 = TimeSpan.FromSeconds(2), P99 = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:P99: a long-tailed delay needs 0 < P50 <= P99 (was P50=, P99=00:00:01)."],
            FaultErrors.Of(new LatencyFault { P99 = TimeSpan.FromSeconds(1) }));
        Assert.Equal(["Faults:0:P99: a long-tailed delay needs 0 < P50 <= P99 (was P50=00:00:01, P99=)."],
            FaultErrors.Of(new LatencyFault { P50 = TimeSpan.FromSeconds(1) }));
    }

    [Fact]
    public void Each_shape_samples_its_own_distribution()
    {
        var random = SeededRandom.Create(3, 0);

        Assert.Equal(TimeSpan.FromMilliseconds(250), LatencyDistribution.From(new LatencyFault { Delay = TimeSpan.FromMilliseconds(250) }).Sample(random));
        Assert.Equal(TimeSpan.FromSeconds(2), LatencyDistribution.From(new LatencyFault { Min = TimeSpan.FromSeconds(2), Max = TimeSpan.FromSeconds(2) }).Sample(random));
        Assert.IsType<LatencyDistribution.LogNormal>(LatencyDistribution.From(new LatencyFault { P50 = TimeSpan.FromSeconds(1), P99 = TimeSpan.FromSeconds(2) }));
        var ex = Assert.Throws<InvalidOperationException>(() => LatencyDistribution.From(new LatencyFault()));
        Assert.Equal("A latency fault needs a delay shape (validation should have caught this).", ex.Message);
    }

    [Fact]
    public void A_long_tail_whose_p99_equals_its_median_is_that_fixed_delay()
    {
        var distribution = new LatencyDistribution.LogNormal(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(40));
        var random = SeededRandom.Create(11, 0);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(40, distribution.Sample(random).TotalMilliseconds, 6));
    }

    [Fact]
    public void Long_tailed_samples_spread_on_both_sides_of_the_median_and_the_share_above_p99_is_one_percent()
    {
        var distribution = new LatencyDistribution.LogNormal(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(800));
        var random = SeededRandom.Create(5, 0);

        double[] samples = Enumerable.Range(0, 40_000).Select(_ => distribution.Sample(random).TotalMilliseconds).ToArray();

        Assert.InRange(samples.Count(s => s > 800) / 40_000.0, 0.008, 0.012);
        Assert.InRange(samples.Count(s => s < 50) / 40_000.0, 0.49, 0.51);
        Assert.InRange(samples.Count(s => s < 50 / 16.0) / 40_000.0, 0.008, 0.012); // symmetric in log space
    }

    [Fact]
    public void The_builder_shorthands_set_the_shape_and_rate()
    {
        var fixedDelay = Assert.IsType<LatencyFault>(Assert.Single(FaultErrors.Built(b => b.AddLatency(TimeSpan.FromSeconds(1), 0.4))));
        var tail = Assert.IsType<LatencyFault>(Assert.Single(FaultErrors.Built(b => b.AddLongTailLatency(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(9), 0.2))));
        var configured = Assert.IsType<LatencyFault>(Assert.Single(FaultErrors.Built(b => b.AddLatency(l => l.Min = TimeSpan.FromSeconds(3)))));

        Assert.Equal(((TimeSpan?)TimeSpan.FromSeconds(1), 0.4), (fixedDelay.Delay, fixedDelay.InjectionRate));
        Assert.Equal(((TimeSpan?)TimeSpan.FromSeconds(1), (TimeSpan?)TimeSpan.FromSeconds(9), 0.2), (tail.P50, tail.P99, tail.InjectionRate));
        Assert.Equal(TimeSpan.FromSeconds(3), configured.Min);
    }
}
