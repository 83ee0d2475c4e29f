using System.Net;
using FaultLab.Tests.Support;

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
        await Task.WhenAny(pending, Task.Delay(20));
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
}
