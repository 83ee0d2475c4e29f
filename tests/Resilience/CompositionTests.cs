using System.Net;
using FaultLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace FaultLab.Tests;

/// <summary>The composition rule (README): faults are evaluated in order; latency adds to whatever follows;
/// the first terminal fault selected answers and the ones after it are not consulted.</summary>
public sealed class CompositionTests
{
    [Fact]
    public async Task Latency_adds_to_the_terminal_fault_that_follows()
    {
        using var clients = Clients.Create(f => f.AddLatency(TimeSpan.FromSeconds(2)).AddStatus(HttpStatusCode.GatewayTimeout));

        var pending = clients.Client.GetAsync("/a");
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(1));

        // The latency's timer is still pending at 1 s of its 2: the status that follows cannot have answered yet.
        Assert.Equal(clients.TimeProvider.Start + TimeSpan.FromSeconds(2), clients.TimeProvider.NextDue);
        Assert.False(pending.IsCompleted);
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(1));

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var request = response.RequestMessage!;
        Assert.Equal(["Latency", "Status"], InjectedFault.For(request).Select(f => f.Kind));
    }

    [Fact]
    public async Task The_first_terminal_fault_selected_wins_and_later_ones_are_not_rolled()
    {
        using var clients = Clients.Create(f => f.AddStatus(HttpStatusCode.ServiceUnavailable).AddDnsFailure());

        using var response = await clients.Client.GetAsync("/a");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(["Status"], InjectedFault.For(response.RequestMessage!).Select(f => f.Kind));
    }

    [Fact]
    public async Task Independent_rates_combine_as_documented_first_fires_p1_second_fires_1_minus_p1_times_p2()
    {
        using var clients = Clients.Create(f => f.WithSeed(5)
            .AddStatus(HttpStatusCode.ServiceUnavailable, 0.5)
            .AddStatus(HttpStatusCode.InternalServerError, 0.5));
        int s503 = 0, s500 = 0;
        const int n = 8000;

        for (int i = 0; i < n; i++)
        {
            using var r = await clients.Client.GetAsync("/a");
            s503 += r.StatusCode == HttpStatusCode.ServiceUnavailable ? 1 : 0;
            s500 += r.StatusCode == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        Assert.InRange(s503 / (double)n, 0.47, 0.53);
        Assert.InRange(s500 / (double)n, 0.22, 0.28);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Faults_injected_into_hedged_copies_are_listed_on_the_original_when_it_is_tracked(bool tracked)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/a");
        using var clients = Clients.Create(
            f => f.AddLatency(l => { l.Delay = TimeSpan.FromMilliseconds(500); l.Target = new FaultTarget { Predicate = r => !ReferenceEquals(r, request) }; }),
            b => b.AddStandardHedgingHandler().Configure(o => o.Hedging.Delay = TimeSpan.FromSeconds(1)));
        var slowOriginal = new SlowOriginalHandler(request, clients.TimeProvider);
        clients.Upstream.Before = slowOriginal.DelayAsync;
        if (tracked)
        {
            InjectedFault.Track(request);
        }

        using var response = await clients.TimeProvider.Drive(clients.Client.SendAsync(request), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));

        // The original is slow (3 s), so the hedge (a clone, sent at 1 s, delayed 0.5 s by the fault) wins.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotSame(request, response.RequestMessage);
        Assert.Equal(tracked ? ["Latency"] : [], InjectedFault.For(request).Select(f => f.Kind));
        Assert.Equal(["Latency"], InjectedFault.For(response.RequestMessage!).Select(f => f.Kind));
    }

    private sealed class SlowOriginalHandler(HttpRequestMessage original, TimeProvider clock)
    {
        public Task DelayAsync(HttpRequestMessage request, CancellationToken token) =>
            ReferenceEquals(request, original) ? Task.Delay(TimeSpan.FromSeconds(3), clock, token) : Task.CompletedTask;
    }
}
