using System.Net;
using FaultLab.Tests.Support;

namespace FaultLab.Tests;

/// <summary>When faults fire: rate edges and statistics, seeds, targeting, and untouched pass-through.</summary>
public sealed class SelectionTests
{
    [Fact]
    public async Task Rate_zero_never_fires_and_rate_one_always_fires()
    {
        using var never = Clients.Create(f => f.AddStatus(HttpStatusCode.InternalServerError, injectionRate: 0));
        using var always = Clients.Create(f => f.AddStatus(HttpStatusCode.InternalServerError, injectionRate: 1));

        for (int i = 0; i < 500; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await never.Client.GetAsync("/a")).StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, (await always.Client.GetAsync("/a")).StatusCode);
        }
    }

    [Fact]
    public async Task The_observed_rate_over_10000_requests_is_within_4_sigma_of_the_configured_rate()
    {
        using var clients = Clients.Create(f => f.AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.2));
        var client = clients.Client;
        const int n = 10_000;
        int faults = 0;

        for (int i = 0; i < n; i++)
        {
            using var response = await client.GetAsync("/a");
            faults += response.StatusCode == HttpStatusCode.ServiceUnavailable ? 1 : 0;
        }

        double sigma = Math.Sqrt(n * 0.2 * 0.8); // 40
        Assert.InRange(faults, (n * 0.2) - (4 * sigma), (n * 0.2) + (4 * sigma));
        Assert.Equal(n - faults, clients.Upstream.Calls);
    }

    [Fact]
    public async Task The_same_seed_reproduces_the_same_fault_sequence_and_another_seed_does_not()
    {
        static void Profile(FaultInjectionBuilder f, int seed) => f.WithSeed(seed)
            .AddLatency(l => { l.Min = TimeSpan.Zero; l.Max = TimeSpan.Zero; l.InjectionRate = 0.5; })
            .AddStatus(HttpStatusCode.ServiceUnavailable, 0.3)
            .AddDnsFailure(0.1);

        var a = await Sequence(f => Profile(f, 42));
        var b = await Sequence(f => Profile(f, 42));
        var c = await Sequence(f => Profile(f, 43));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains("503", a);
        Assert.Contains("dns", a);
        Assert.Contains("200", a);
    }

    [Fact]
    public async Task Targeting_by_host_path_method_and_header_combines_with_AND()
    {
        using var clients = Clients.Create(f => f.AddStatus(s =>
        {
            s.StatusCode = 500;
            s.Target = new FaultTarget();
            s.Target.Hosts.Add("*.internal");
            s.Target.Paths.Add("/orders/**");
            s.Target.Methods.Add("post");
            s.Target.Headers["X-Chaos"] = "on";
        }));
        var client = clients.Client;

        Assert.Equal(HttpStatusCode.InternalServerError, (await Send(client, HttpMethod.Post, "/orders/7/lines", chaos: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Get, "/orders/7/lines", chaos: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Post, "/payments/7", chaos: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Post, "/orders/7/lines", chaos: false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Post, "http://elsewhere.example:8080/orders/7", chaos: true)).StatusCode);
    }

    [Fact]
    public async Task A_custom_predicate_selects_requests()
    {
        using var clients = Clients.Create(f => f.AddStatus(s =>
        {
            s.StatusCode = 502;
            s.Target = new FaultTarget { Predicate = r => r.RequestUri!.Query.Contains("beta", StringComparison.Ordinal) };
        }));

        Assert.Equal(HttpStatusCode.BadGateway, (await clients.Client.GetAsync("/a?beta=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients.Client.GetAsync("/a")).StatusCode);
    }

    [Fact]
    public async Task A_request_not_selected_passes_through_byte_for_byte()
    {
        using var clients = Clients.Create(f => f
            .AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0)
            .AddTruncatedBody(injectionRate: 0)
            .AddLatency(TimeSpan.FromSeconds(1), injectionRate: 0));
        var request = new HttpRequestMessage(HttpMethod.Put, "/orders/1") { Content = new StringContent("""{"qty":3}""") };
        request.Headers.Add("X-Trace", "abc");

        using var response = await clients.Client.SendAsync(request);

        Assert.Same(clients.Upstream.LastResponse, response);
        Assert.Equal(Upstream.Body, await response.Content.ReadAsStringAsync());
        Assert.Equal("\"v42\"", response.Headers.ETag!.Tag);
        Assert.Equal("real", response.Headers.GetValues("X-Upstream").Single());
        var seen = Assert.Single(clients.Upstream.Requests);
        Assert.Same(request, seen);
        Assert.Equal("""{"qty":3}""", await seen.Content!.ReadAsStringAsync());
        Assert.Empty(InjectedFault.For(request));
    }

    // The test above uses rate 0, which bypasses Polly altogether; this one goes through the chaos strategies and
    // loses every roll, the path most unselected requests take in a real profile.
    [Fact]
    public async Task A_request_that_loses_every_roll_passes_through_Polly_untouched_response_and_exception_alike()
    {
        const double never = 1e-12;
        using var clients = Clients.Create(f => f.WithSeed(1)
            .AddLatency(TimeSpan.FromSeconds(1), injectionRate: never)
            .AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: never)
            .AddTruncatedBody(injectionRate: never)
            .AddRateLimit(1000, TimeSpan.FromSeconds(1)));
        var request = new HttpRequestMessage(HttpMethod.Put, "/orders/1") { Content = new StringContent("""{"qty":3}""") };

        using var response = await clients.Client.SendAsync(request);

        Assert.Same(clients.Upstream.LastResponse, response);
        Assert.Equal(Upstream.Body, await response.Content.ReadAsStringAsync());
        Assert.Same(request, Assert.Single(clients.Upstream.Requests));
        Assert.Empty(InjectedFault.For(request));

        var real = new HttpRequestException("real failure");
        clients.Upstream.Before = (_, _) => Task.FromException(real);
        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/orders/2"));
        Assert.Same(real, thrown);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string uri, bool chaos)
    {
        var request = new HttpRequestMessage(method, uri);
        if (chaos)
        {
            request.Headers.Add("X-Chaos", "on");
        }

        return client.SendAsync(request);
    }

    private static async Task<string> Sequence(Action<FaultInjectionBuilder> faults)
    {
        using var clients = Clients.Create(faults);
        var outcomes = new List<string>();
        for (int i = 0; i < 200; i++)
        {
            try
            {
                using var response = await clients.Client.GetAsync($"/a/{i}");
                outcomes.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                outcomes.Add("dns");
            }
        }

        return string.Join(",", outcomes);
    }
}
