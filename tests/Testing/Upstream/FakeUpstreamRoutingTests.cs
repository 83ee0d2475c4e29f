using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing.Tests.Upstream;

/// <summary>How the fake upstream picks a route, what it answers without one, and what it captures.</summary>
public sealed class FakeUpstreamRoutingTests
{
    private static HttpClient Client(FakeUpstream upstream) => new(upstream) { BaseAddress = new Uri("https://svc.example.test") };

    [Fact]
    public async Task A_route_matches_its_method_and_its_path_in_any_case()
    {
        var upstream = new FakeUpstream().MapGet("/Items", """{"get":1}""").Map(HttpMethod.Delete, "/items", r => FakeUpstream.Respond(r, HttpStatusCode.NoContent));
        using var client = Client(upstream);

        using var get = await client.GetAsync("/ITEMS");
        using var delete = await client.DeleteAsync("/items");
        using var post = await client.PostAsync("/items", null);

        Assert.Equal((HttpStatusCode.OK, """{"get":1}"""), (get.StatusCode, await get.Content.ReadAsStringAsync()));
        Assert.Equal("application/json", get.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("No route for POST /items", await post.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", post.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(post.RequestMessage);
        Assert.Equal(3, upstream.CountFor("/items"));
        Assert.Equal(0, upstream.CountFor("/other"));
    }

    [Fact]
    public async Task Requests_are_captured_with_their_headers_body_and_arrival()
    {
        var upstream = new FakeUpstream(new TestClock()).Map("/orders", HttpStatusCode.Accepted, "queued", "text/plain");
        using var client = Client(upstream);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/orders?id=7") { Content = new StringContent("{}") };
        request.Headers.Add("X-Trace", ["a", "b"]);

        using var response = await client.SendAsync(request);
        using var get = await client.GetAsync("/orders");

        Assert.Equal((HttpStatusCode.Accepted, "queued"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        var put = upstream.Requests[0];
        Assert.Equal((HttpMethod.Put, "/orders", "{}", TestClock.DefaultStart), (put.Method, put.Path, put.Body, put.ReceivedAt));
        Assert.Equal("https://svc.example.test/orders?id=7", put.Uri.ToString());
        Assert.Equal("a, b", put.Header("x-trace"));
        Assert.Equal("text/plain; charset=utf-8", put.Header("Content-Type"));
        Assert.Null(put.Header("Authorization"));
        Assert.Null(upstream.Requests[1].Body);
        Assert.Equal(2, upstream.RequestCount);
    }

    [Fact]
    public async Task A_request_without_an_absolute_address_is_refused_with_the_fix()
    {
        var upstream = new FakeUpstream();
        using var invoker = new HttpMessageInvoker(upstream);
        using var request = new HttpRequestMessage(HttpMethod.Get, (Uri?)null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Equal("FakeUpstream needs an absolute request URI; set the client's BaseAddress.", error.Message);
    }

    [Fact]
    public async Task A_cancelled_request_never_arrives_and_a_synchronous_one_does()
    {
        var upstream = new FakeUpstream().MapGet("/a", "1");
        using var invoker = new HttpMessageInvoker(upstream);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        using var first = new HttpRequestMessage(HttpMethod.Get, "https://svc.example.test/a");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoker.SendAsync(first, cancelled.Token));
        using var second = new HttpRequestMessage(HttpMethod.Get, "https://svc.example.test/a");
        using var response = invoker.Send(second, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, upstream.RequestCount);
    }

    [Fact]
    public async Task Every_client_without_its_own_primary_handler_can_be_routed_to_it()
    {
        var upstream = new FakeUpstream().MapGet("/a", "1");
        var services = new ServiceCollection();
        Assert.Same(services, services.RouteAllHttpClientsTo(upstream));
        services.AddHttpClient("one", c => c.BaseAddress = new Uri("https://one.example.test"));
        services.AddHttpClient("two", c => c.BaseAddress = new Uri("https://two.example.test"));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        using var one = await factory.CreateClient("one").GetAsync("/a");
        using var two = await factory.CreateClient("two").GetAsync("/a");

        Assert.Equal(["one.example.test", "two.example.test"], upstream.Requests.Select(r => r.Uri.Host));
        Assert.Throws<ArgumentNullException>(() => services.RouteAllHttpClientsTo(null!));
        Assert.Throws<ArgumentNullException>(() => services.AddHttpClient("x").UseFakeUpstream(null!));
    }

    [Fact]
    public void Routes_need_a_path_and_a_responder()
    {
        var upstream = new FakeUpstream();

        Assert.Throws<ArgumentException>(() => upstream.Map(null, "", r => FakeUpstream.Respond(r, HttpStatusCode.OK)));
        Assert.Throws<ArgumentNullException>(() => upstream.Map(null, "/a", null!));
    }
}
