using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class HangFaultTests
{
    [Fact]
    public async Task Never_completes_until_the_callers_token_is_cancelled()
    {
        using var clients = Clients.Create(f => f.AddHang());
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5), clients.TimeProvider);

        var pending = clients.Client.GetAsync("/orders", cts.Token);

        // The only timer on the clock is the caller's: the hang set none of its own, so only cancellation can end it.
        Assert.Equal(clients.TimeProvider.Start + TimeSpan.FromMinutes(5), clients.TimeProvider.NextDue);
        clients.TimeProvider.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(clients.TimeProvider.Start + TimeSpan.FromMinutes(5), clients.TimeProvider.NextDue);
        Assert.False(pending.IsCompleted, "a hang outlasts any amount of time short of cancellation");

        clients.TimeProvider.Advance(TimeSpan.FromMinutes(1));
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Fact]
    public async Task HttpClient_Timeout_produces_its_own_timeout_chain_not_one_invented_by_the_fault()
    {
        using var clients = Clients.Create(f => f.AddHang());
        var client = clients.Client;

        // HttpClient.Timeout runs on real time: the shortest honest value that still shows the chain.
        client.Timeout = TimeSpan.FromMilliseconds(50);

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync("/orders"));

        Assert.StartsWith("The request was canceled due to the configured HttpClient.Timeout of 0.05 seconds elapsing.", ex.Message);
        Assert.IsType<TimeoutException>(ex.InnerException);
    }
}
