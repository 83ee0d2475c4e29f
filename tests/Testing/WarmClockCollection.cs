using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing.Tests;

/// <summary>
/// The docs examples run RunUntilComplete on the fake clock, which reports a call stuck on anything but the clock
/// after 300 ms: the very first call in a process can stall on cold paths longer than that. As the recipes do in
/// tests/Resilience, the warm-up runs the resilience and fault code paths once before the first test of the collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WarmClockCollection : ICollectionFixture<WarmClock>
{
    public const string Name = "Warm clock";
}

/// <summary>One retried call on the fake clock, before the first test of the collection.</summary>
public sealed class WarmClock
{
    public WarmClock()
    {
        var services = new ServiceCollection();
        TestClock clock = services.AddTestClock();
        var upstream = new FakeUpstream(clock);
        var client = services.AddHttpClient("warm-up", c => c.BaseAddress = new Uri("https://warm-up.example.test"))
            .UseFakeUpstream(upstream);
        client.AddStandardResilienceHandler();
        client.AddFaultScript(s => s.Status(HttpStatusCode.ServiceUnavailable).Hang().ThenPass());
        using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("warm-up");
        clock.RunUntilComplete(http.GetAsync("/warm-up")).GetAwaiter().GetResult().Dispose();
    }
}
