using System.Net;
using FaultLab.Proxy;
using FaultLab.Proxy.Tests;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Control.Tests;

public sealed class HeaderFaultTests
{
    private readonly OkHandler _dependency = new();

    [Fact]
    public async Task Off_by_default_a_header_asks_for_nothing()
    {
        var options = Options("""{ "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");
        using var client = Client(options);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "boom"));
        Assert.Equal(1, _dependency.Count);
    }

    [Fact]
    public async Task Only_an_allowed_fault_named_by_the_header_fires()
    {
        using var client = Client(Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await SendAsync(client, "boom"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "something-else"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, null));
        Assert.Equal(2, _dependency.Count);
    }

    [Fact]
    public async Task A_header_rate_can_only_lower_the_configured_one()
    {
        using var client = Client(Options("""
            { "Enabled": true, "Seed": 42, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503, "InjectionRate": 0.25 } ] }
            """));

        int asked100 = 0;
        int asked0 = 0;
        for (int i = 0; i < 400; i++)
        {
            asked100 += await SendAsync(client, "boom;rate=1") == HttpStatusCode.ServiceUnavailable ? 1 : 0;
            asked0 += await SendAsync(client, "boom;rate=0") == HttpStatusCode.ServiceUnavailable ? 1 : 0;
        }

        Assert.InRange(asked100, 70, 130); // capped at the configured 25 %, not the asked 100 %
        Assert.Equal(0, asked0);
    }

    [Fact]
    public async Task MaxActiveFaults_lets_requests_past_the_cap_through_untouched()
    {
        var clock = new FakeTimeProvider();
        var options = Options("""{ "Enabled": true, "MaxActiveFaults": 2, "Faults": [ { "Kind": "Latency", "Name": "slow", "Delay": "00:00:10" } ] }""");
        using var client = new HttpClient(HeaderFaults.CreateHandler(options, _dependency, clock));

        var calls = Enumerable.Range(0, 5).Select(_ => SendAsync(client, "slow")).ToList();
        await Task.WhenAny(Task.WhenAll(calls.Skip(2)), Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Equal(3, calls.Count(c => c.IsCompleted)); // two are delayed, the cap sends three straight on
        Assert.Equal(3, _dependency.Count);
        clock.Advance(TimeSpan.FromSeconds(10));
        await Task.WhenAll(calls);
        Assert.Equal(5, _dependency.Count);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.OK)]
    [InlineData(true, HttpStatusCode.ServiceUnavailable)]
    public async Task Production_refuses_unless_allowed(bool allow, HttpStatusCode expected)
    {
        var options = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");
        options.AllowInProduction = allow;
        using var client = new HttpClient(HeaderFaults.CreateHandler(options, _dependency, environmentName: "Production"));

        Assert.Equal(expected, await SendAsync(client, "boom"));
    }

    [Fact]
    public void Bad_settings_are_refused_with_their_paths()
    {
        HeaderFaultOptions.Read("""{ "Enabled": true, "Bogus": 1 }""", out var unknown);
        Assert.Equal(["Bogus: is not a header-fault setting."], unknown);

        HeaderFaultOptions.Read("""{ "MaxActiveFaults": 0, "Faults": [ { "Kind": "Status", "StatusCode": 200 } ] }""", out var invalid);
        Assert.Contains("Faults:0:StatusCode: must be an error status from 400 to 599 (was 200).", invalid);

        HeaderFaultOptions.Read("""{ "MaxActiveFaults": 0, "Faults": [ { "Kind": "Status", "StatusCode": 503 } ] }""", out var unnamed);
        Assert.Contains("MaxActiveFaults: must be at least 1 (was 0).", unnamed);
        Assert.Contains("Faults:0:Name: is required: a header asks for a fault by name.", unnamed);
    }

    [Fact]
    public async Task Through_the_proxy_any_client_can_ask_for_an_allowed_fault()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            HeaderFaults = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }"""),
        });
        using var client = new HttpClient { BaseAddress = proxy.Address };

        using var asked = new HttpRequestMessage(HttpMethod.Get, "/orders") { Headers = { { HeaderFaultOptions.DefaultHeaderName, "boom" } } };
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.SendAsync(asked)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.GetAsync("/orders")).StatusCode);
        Assert.Equal(1, upstream.Hits);
    }

    private static HeaderFaultOptions Options(string json)
    {
        var options = HeaderFaultOptions.Read(json, out var errors);
        Assert.Empty(errors);
        return options;
    }

    private HttpClient Client(HeaderFaultOptions options) => new(HeaderFaults.CreateHandler(options, _dependency, environmentName: "Development"));

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://orders.test/orders");
        if (header is not null)
        {
            request.Headers.Add(HeaderFaultOptions.DefaultHeaderName, header);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
