using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 9: a latency spike on the first attempt; the standard hedging handler starts a second attempt after
/// its 2 s hedging delay, returns that one, and cancels the slow one before it ever reaches the dependency.</summary>
[Collection(RecipeCollection.Name)]
public sealed class HedgingRecipe
{
    [Fact]
    public async Task Hedged_attempt_answers_at_2_s_and_the_slow_attempt_is_cancelled()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardHedgingHandler();
            client.AddFaultScript(s => s.Latency(TimeSpan.FromSeconds(5)).ThenPass());
        });
        host.Upstream.MapGet("/search", """{"hits":3}""");

        using var response = await host.GetAsync("/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), host.Clock.Elapsed);
        Assert.Single(host.Events.Hedges);
        Assert.Null(host.Clock.NextDue); // the slow attempt's 5 s delay was cancelled, not left running
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, host.Upstream.RequestCount); // the slow attempt never reached the dependency
        Assert.Equal(TimeSpan.FromSeconds(2), host.Upstream.Requests[0].ReceivedAt - host.Clock.Start);
    }
}
