using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Testing.Tests;

/// <summary>The examples of docs/testing.md, kept compiling and passing.</summary>
[Collection(WarmClockCollection.Name)]
public sealed class DocsExampleTests
{
    [Fact]
    public async Task Retries_a_503_after_its_Retry_After_then_succeeds()
    {
        var services = new ServiceCollection();
        TestClock clock = services.AddTestClock();
        ResilienceObserver events = services.AddResilienceObserver(clock);
        var upstream = new FakeUpstream(clock).MapGet("/orders", """[{"id":1}]""");
        services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.example.test"))
            .UseFakeUpstream(upstream)
            .AddFaultScript(s => s.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(2)))
            .AddStandardResilienceHandler();
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using var response = await clock.RunUntilComplete(client.GetAsync("/orders"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(events.RetryDelays));
        Assert.Equal(1, upstream.RequestCount);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
    }

    [Fact]
    public async Task A_plain_FakeTimeProvider_is_advanced_in_steps()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().UseFakeTimeProvider(clock);
        var upstream = new FakeUpstream(clock).MapGet("/orders", "[]");
        services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.example.test"))
            .UseFakeUpstream(upstream)
            .AddFaultScript(s => s.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(2)))
            .AddStandardResilienceHandler();
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        DateTimeOffset start = clock.GetUtcNow();

        using var response = await clock.RunUntilComplete(client.GetAsync("/orders"), step: TimeSpan.FromMilliseconds(500));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), upstream.Requests.Single().ReceivedAt - start);
    }
}
