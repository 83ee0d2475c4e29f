using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 4: a hung attempt is ended by the attempt timeout (10 s) and retried; when every attempt hangs, the
/// total timeout (30 s) ends the call with Polly's <see cref="TimeoutRejectedException"/>.</summary>
[Collection(RecipeCollection.Name)]
public sealed class HangRecipe
{
    [Fact]
    public async Task Attempt_timeout_ends_the_hang_after_10_s_and_the_retry_succeeds()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultScript(s => s.Hang().ThenPass());
        });
        host.Upstream.MapGet("/profile", """{"name":"Ada"}""");

        using var response = await host.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timeout = Assert.Single(host.Events.Timeouts);
        Assert.Equal("Standard-AttemptTimeout", timeout.StrategyName);
        Assert.Equal(host.Clock.Start + TimeSpan.FromSeconds(10), timeout.At);
        Assert.Single(host.Events.Retries);
        Assert.Equal(TimeSpan.FromSeconds(10) + host.Events.TotalRetryWait, host.Clock.Elapsed);
        Assert.Equal(1, host.Upstream.RequestCount);
    }

    [Fact]
    public async Task Total_timeout_ends_a_call_whose_every_attempt_hangs_at_exactly_30_s()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultScript(s => s.Hang().ThenRepeatLastStep());
        });

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => host.GetAsync("/profile"));

        Assert.Equal(TimeSpan.FromSeconds(30), host.Clock.Elapsed);
        Assert.Equal("Standard-TotalRequestTimeout", host.Events.Timeouts[^1].StrategyName);
        Assert.All(host.Events.Timeouts.SkipLast(1), t => Assert.Equal("Standard-AttemptTimeout", t.StrategyName));
        Assert.Equal(host.Events.Timeouts.Count, host.Faults.CountOf("Hang")); // every attempt hung until a timeout ended it
        Assert.Equal(0, host.Upstream.RequestCount);
    }
}
