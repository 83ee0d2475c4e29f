using System.Net;

namespace FaultLab.Proxy.Tests;

public sealed class DeterminismTests
{
    private const string Profile = """
        { "FaultLab": { "Seed": 1234, "Faults": [ { "Kind": "Status", "StatusCode": 503, "InjectionRate": 0.3 } ] } }
        """;

    [Fact]
    public async Task A_seeded_profile_makes_the_same_decisions_through_the_proxy_as_in_process()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream, Profile);
        using var client = ProxyFixture.RawClient();
        using var inProcess = new HttpClient(FaultInjection.CreateHandler(Copy(ProxyFixture.Profile(Profile)), new Answer201()));

        var throughProxy = new List<int>();
        var direct = new List<int>();
        for (int i = 0; i < 200; i++)
        {
            using var proxied = await client.GetAsync(new Uri(proxy.Address, $"api/items/{i}"));
            throughProxy.Add((int)proxied.StatusCode);
            using var local = await inProcess.GetAsync(new Uri(upstream.Address, $"api/items/{i}"));
            direct.Add((int)local.StatusCode);
        }

        Assert.Equal(direct, throughProxy);
        int faulted = throughProxy.Count(s => s == 503);
        Assert.InRange(faulted, 40, 80); // 30 % of 200, give or take the dice
        Assert.Equal(200 - faulted, upstream.Hits); // a faulted request never reached the upstream
    }

    private static Action<FaultInjectionBuilder> Copy(FaultInjectionOptions profile) => builder =>
    {
        builder.Options.Seed = profile.Seed;
        foreach (var fault in profile.Faults)
        {
            builder.AddFault(fault);
        }
    };

    private sealed class Answer201 : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created) { RequestMessage = request });
    }
}
