using System.Text.Json;

namespace FaultLab.Proxy.Tests;

public sealed class InjectedResponseTests
{
    [Fact]
    public async Task A_503_fault_arrives_as_a_real_503_with_Retry_After_and_problem_json()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream,
            """{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 503, "RetryAfter": "00:00:02" } ] } }""");
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "api/orders/1"));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength); // framed like a real server's answer
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("/api/orders/1", problem.RootElement.GetProperty("instance").GetString());
        Assert.Equal(0, upstream.Hits); // the fault answered in place of the upstream
    }

    [Fact]
    public async Task A_malformed_body_fault_delivers_the_broken_payload_well_framed()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream,
            """{ "FaultLab": { "Faults": [ { "Kind": "MalformedBody", "Mode": "HtmlErrorPage" } ] } }""");
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "api/orders/1"));

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("<html><body><h1>Bad Gateway</h1></body></html>", await response.Content.ReadAsStringAsync());
    }
}
