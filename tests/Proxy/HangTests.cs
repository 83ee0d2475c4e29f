using System.Diagnostics;

namespace FaultLab.Proxy.Tests;

public sealed class HangTests
{
    [Fact]
    public async Task A_hang_holds_the_request_until_the_client_gives_up()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [ { "Kind": "Hang" } ] } }""");
        using var client = ProxyFixture.RawClient();
        using var givesUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(new Uri(proxy.Address, "slow"), givesUp.Token));

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(250), $"gave up after {stopwatch.Elapsed}");
        Assert.Equal(0, upstream.Hits);
    }

    [Fact]
    public async Task At_the_hang_limit_the_proxy_closes_the_connection_without_an_answer()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [ { "Kind": "Hang" } ] } }""",
            hangLimit: TimeSpan.FromMilliseconds(300));
        using var client = ProxyFixture.RawClient();

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(proxy.Address, "slow")));

        Assert.Null(error.StatusCode); // not YARP's 504: a silent server that gives up just closes
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(250), $"closed after {stopwatch.Elapsed}");
    }
}
