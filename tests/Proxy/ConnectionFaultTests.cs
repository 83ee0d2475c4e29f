using System.Net.Sockets;

namespace FaultLab.Proxy.Tests;

public sealed class ConnectionFaultTests
{
    [Theory]
    [InlineData("""{ "Kind": "ConnectionRefused" }""")]
    [InlineData("""{ "Kind": "ConnectionReset" }""")]
    [InlineData("""{ "Kind": "DnsFailure" }""")]
    [InlineData("""{ "Kind": "ConnectTimeout", "Timeout": "00:00:00.050" }""")]
    public async Task A_connection_fault_resets_the_client_connection_instead_of_answering(string fault)
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream, $$"""{ "FaultLab": { "Faults": [ {{fault}} ] } }""");
        using var client = ProxyFixture.RawClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(proxy.Address, "api/orders")));

        // No HTTP answer at all: the connection was reset (RST), exactly as SocketsHttpHandler reports a peer reset.
        Assert.Null(error.StatusCode);
        Assert.Equal(HttpRequestError.Unknown, error.HttpRequestError);
        var io = Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(io.InnerException).SocketErrorCode);
        Assert.Equal(0, upstream.Hits);
    }

    [Fact]
    public async Task An_invalid_response_sends_its_line_where_the_status_line_belongs()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream,
            """{ "FaultLab": { "Faults": [ { "Kind": "InvalidResponse", "StatusLine": "SSH-2.0-OpenSSH_9.2" } ] } }""");
        using var client = ProxyFixture.RawClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(proxy.Address, "api/orders")));

        // The client's own SocketsHttpHandler parsed the bytes: the same exception a real non-HTTP server produces.
        Assert.Equal(HttpRequestError.InvalidResponse, error.HttpRequestError);
        Assert.Equal("Received an invalid status line: 'SSH-2.0-OpenSSH_9.2'.", error.Message);
        Assert.Equal(0, upstream.Hits);
    }

    [Fact]
    public async Task A_close_before_headers_ends_the_response_cleanly()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream,
            """{ "FaultLab": { "Faults": [ { "Kind": "ConnectionReset", "Phase": "ClosedBeforeHeaders" } ] } }""");
        using var client = ProxyFixture.RawClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(proxy.Address, "api/orders")));

        // FIN before any byte: the client reads end of stream where the status line should be.
        Assert.Null(error.StatusCode);
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(HttpRequestError.ResponseEnded, Assert.IsType<HttpIOException>(error.InnerException).HttpRequestError);
    }

    [Fact]
    public async Task A_real_upstream_failure_is_answered_502_as_by_any_gateway_not_disguised_as_a_fault()
    {
        // A port that was free a moment ago: connecting to it is really refused.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int closedPort = ((System.Net.IPEndPoint)probe.LocalEndPoint!).Port;
        probe.Close();
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions { Upstream = new Uri($"http://127.0.0.1:{closedPort}/") });
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "api/orders"));

        Assert.Equal(502, (int)response.StatusCode);
    }
}
