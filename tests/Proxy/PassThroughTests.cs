namespace FaultLab.Proxy.Tests;

public sealed class PassThroughTests
{
    // Hop-by-hop (RFC 9110 7.6.1) and per-connection headers a proxy may rewrite; everything else must arrive intact.
    private static readonly HashSet<string> PerHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Date",
    };

    [Fact]
    public async Task Without_a_selected_fault_status_headers_and_body_arrive_byte_for_byte()
    {
        await using var upstream = await Upstream.StartAsync();
        // A fault that targets another path only: the request runs through the profile and is not selected.
        await using var proxy = await ProxyFixture.ProxyAsync(upstream,
            """{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 500, "Target": { "Paths": [ "/other/**" ] } } ] } }""");
        using var client = ProxyFixture.RawClient();

        using var direct = await client.GetAsync(new Uri(upstream.Address, "api/orders?id=7"));
        using var proxied = await client.GetAsync(new Uri(proxy.Address, "api/orders?id=7"));

        Assert.Equal(direct.StatusCode, proxied.StatusCode);
        Assert.Equal(await direct.Content.ReadAsByteArrayAsync(), await proxied.Content.ReadAsByteArrayAsync());
        Assert.Equal(Headers(direct), Headers(proxied));
        Assert.Contains("X-Upstream", Headers(proxied).Keys);
        Assert.Equal(2, upstream.Hits);
    }

    [Fact]
    public async Task A_binary_body_with_content_length_passes_unchanged()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [] } }""");
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "big"));

        Assert.Equal(Upstream.Big.Length, response.Content.Headers.ContentLength);
        Assert.Equal(Upstream.Big, await response.Content.ReadAsByteArrayAsync());
    }

    private static SortedDictionary<string, string> Headers(HttpResponseMessage response)
    {
        var all = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!PerHop.Contains(name))
            {
                all[name] = string.Join("|", values);
            }
        }

        return all;
    }
}
