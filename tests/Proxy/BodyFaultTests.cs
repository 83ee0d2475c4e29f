using System.Net.Sockets;

namespace FaultLab.Proxy.Tests;

public sealed class BodyFaultTests
{
    [Fact]
    public async Task A_truncated_body_cuts_the_connection_after_N_bytes_of_a_longer_Content_Length()
    {
        await using var get = await BigThroughProxy.GetAsync("""{ "Kind": "TruncatedBody", "AfterBytes": 100 }""");

        var response = get.Response;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(Upstream.Big.Length, response.Content.Headers.ContentLength); // the promise the cut breaks

        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var buffer = new byte[64];
        var error = await Assert.ThrowsAsync<HttpIOException>(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        });

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(Upstream.Big.AsSpan(0, 100).ToArray(), received.ToArray());
        Assert.Contains("900 additional bytes expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_before_the_first_body_byte_still_delivers_the_headers_and_the_promised_Content_Length()
    {
        await using var get = await BigThroughProxy.GetAsync("""{ "Kind": "TruncatedBody", "AfterBytes": 0 }""");

        // Nothing of the body was written when the cut came: only the proxy's flush puts the headers on the wire before
        // the connection ends (without it the client would see a connection that ended before any header).
        var response = get.Response;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(Upstream.Big.Length, response.Content.Headers.ContentLength);

        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var error = await Assert.ThrowsAsync<HttpIOException>(() => body.CopyToAsync(received));
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal("The response ended prematurely. (ResponseEnded)", error.Message);
        Assert.Equal(0, received.Length);
    }

    [Fact]
    public async Task A_reset_ending_resets_the_connection_after_N_bytes()
    {
        await using var get = await BigThroughProxy.GetAsync("""{ "Kind": "TruncatedBody", "AfterBytes": 100, "Ending": "Reset" }""");

        var response = get.Response;
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var error = await Assert.ThrowsAsync<IOException>(() => body.CopyToAsync(received));

        // RST mid-body: SocketsHttpHandler reports the peer's reset, not a clean end of stream.
        Assert.IsNotType<HttpIOException>(error);
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(error.InnerException).SocketErrorCode);
        Assert.Equal(Upstream.Big.AsSpan(0, 100).ToArray(), received.ToArray());
    }

    [Fact]
    public async Task A_slow_body_arrives_whole_at_the_configured_rate()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream,
            """{ "FaultLab": { "Faults": [ { "Kind": "SlowBody", "BytesPerSecond": 2500 } ] } }""");
        using var client = ProxyFixture.RawClient();

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(proxy.Address, "big"));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(Upstream.Big, body);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(350), $"1000 bytes at 2500 B/s took {stopwatch.Elapsed}");
    }

    /// <summary>A GET of the upstream's 1,000-byte <c>/big</c> through a proxy with one fault, read to its headers only:
    /// the body is each test's to read.</summary>
    private sealed class BigThroughProxy : IAsyncDisposable
    {
        private Upstream _upstream = null!;
        private FaultProxy _proxy = null!;
        private HttpClient _client = null!;

        public HttpResponseMessage Response { get; private set; } = null!;

        public static async Task<BigThroughProxy> GetAsync(string faultJson)
        {
            var get = new BigThroughProxy { _upstream = await Upstream.StartAsync() };
            get._proxy = await ProxyFixture.ProxyAsync(get._upstream, $$"""{ "FaultLab": { "Faults": [ {{faultJson}} ] } }""");
            get._client = ProxyFixture.RawClient();
            get.Response = await get._client.GetAsync(new Uri(get._proxy.Address, "big"), HttpCompletionOption.ResponseHeadersRead);
            return get;
        }

        public async ValueTask DisposeAsync()
        {
            Response.Dispose();
            _client.Dispose();
            await _proxy.DisposeAsync();
            await _upstream.DisposeAsync();
        }
    }
}
