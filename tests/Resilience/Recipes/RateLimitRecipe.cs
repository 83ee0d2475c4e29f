using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 2: a server-side rate limit answers 429 with the limiter's real Retry-After; the standard handler's
/// retries wait for it, so the dependency never sees more than the limit allows.</summary>
[Collection(RecipeCollection.Name)]
public sealed class RateLimitRecipe
{
    [Fact]
    public async Task Retries_wait_for_the_limiter_window_and_the_upstream_never_exceeds_the_limit()
    {
        var window = TimeSpan.FromSeconds(10);
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultInjection(f => f.AddRateLimit(permitLimit: 2, window));
        });
        host.Upstream.MapGet("/quotes", """{"price":42}""");

        // Five callers at once against 2 requests per 10 s: 2 now, 2 after one window, 1 after two.
        var calls = Enumerable.Range(0, 5).Select(_ => host.Client.GetAsync("/quotes")).ToArray();
        var responses = await host.Clock.RunUntilComplete(Task.WhenAll(calls));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var perWindow = host.Upstream.Requests
            .GroupBy(r => (r.ReceivedAt - host.Clock.Start).Ticks / window.Ticks)
            .Select(g => (Window: g.Key, Count: g.Count()))
            .ToArray();
        Assert.Equal([(0L, 2), (1L, 2), (2L, 1)], perWindow);
        Assert.Equal(4, host.Faults.CountOf("RateLimit")); // 3 rejected at 0 s, 1 rejected again at 10 s
        Assert.Equal([10, 10, 10, 10], host.Events.RetryDelays.Select(d => d.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(20), host.Clock.Elapsed);
    }
}
