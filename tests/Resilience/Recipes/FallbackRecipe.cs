using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Fallback;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 8: a custom pipeline with a fallback serves cached data while the dependency is down, marked so the
/// caller (and the test) can tell it from live data.</summary>
[Collection(RecipeCollection.Name)]
public sealed class FallbackRecipe
{
    private const string ServedFrom = "X-Served-From";
    private const string CachedPrices = """{"prices":[],"stale":true}""";

    [Fact]
    public async Task Fallback_serves_marked_cached_data_during_the_outage_and_live_data_after_it()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddResilienceHandler("prices", pipeline => pipeline.AddFallback(new FallbackStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                FallbackAction = _ => Outcome.FromResultAsValueTask(CachedResponse()),
            }));
            client.AddFaultInjection(f => f.AddOutage(start: TimeSpan.Zero, duration: TimeSpan.FromSeconds(10)));
        });
        host.Upstream.MapGet("/prices", """{"prices":[{"sku":"A1","eur":9.5}]}""");

        using var during = await host.GetAsync("/prices");
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        using var after = await host.GetAsync("/prices");

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal("fallback-cache", Assert.Single(during.Headers.GetValues(ServedFrom)));
        Assert.Equal(CachedPrices, await during.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False(after.Headers.Contains(ServedFrom));
        Assert.Single(host.Events.Fallbacks);
        Assert.Equal(503, Assert.Single(host.Faults.Faults, f => f.Kind == "Outage").StatusCode); // the outage answered once
        Assert.Equal(1, host.Upstream.RequestCount);   // only the call after the outage
    }

    // A fresh response per fallback: the pipeline hands it to the caller, who disposes it.
    private static HttpResponseMessage CachedResponse()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(CachedPrices) };
        response.Headers.Add(ServedFrom, "fallback-cache");
        return response;
    }
}
