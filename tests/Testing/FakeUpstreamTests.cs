using System.Net;
using FaultLab.Testing;

namespace FaultLab.Testing.Tests;

public sealed class FakeUpstreamTests
{
    [Fact]
    public async Task Captures_every_request_and_answers_unmapped_routes_with_404()
    {
        var clock = new TestClock();
        var upstream = new FakeUpstream(clock).MapGet("/items", "[]").Map("/items", HttpStatusCode.Created);
        using var client = new HttpClient(upstream) { BaseAddress = new Uri("https://svc.example.test") };

        using var created = await client.PostAsync("/items", new StringContent("{\"name\":\"mug\"}"));
        clock.Advance(TimeSpan.FromSeconds(3));
        using var missing = await client.GetAsync("/nowhere");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode); // the later mapping wins
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(2, upstream.RequestCount);
        Assert.Equal(1, upstream.CountFor("/items"));
        var post = upstream.Requests[0];
        Assert.Equal((HttpMethod.Post, "{\"name\":\"mug\"}", clock.Start), (post.Method, post.Body, post.ReceivedAt));
        Assert.Equal(clock.Start + TimeSpan.FromSeconds(3), upstream.Requests[1].ReceivedAt);
    }

    [Fact]
    public async Task Every_request_gets_a_fresh_response()
    {
        var upstream = new FakeUpstream().MapGet("/a", "x");
        using var client = new HttpClient(upstream) { BaseAddress = new Uri("https://svc.example.test") };

        using var first = await client.GetAsync("/a");
        using var second = await client.GetAsync("/a");

        Assert.NotSame(first, second);
        Assert.Equal("x", await second.Content.ReadAsStringAsync());
    }
}
