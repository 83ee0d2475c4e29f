using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 1: a 503 with <c>Retry-After: 2</c> is retried after exactly 2 s, then succeeds.</summary>
[Collection(RecipeCollection.Name)]
public sealed class RetryAfterRecipe
{
    [Fact]
    public async Task Standard_handler_waits_exactly_the_Retry_After_of_a_503_then_succeeds()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultScript(s => s.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(2)).ThenPass());
        });
        host.Upstream.MapGet("/orders", """[{"id":1}]""");

        using var response = await host.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(host.Events.RetryDelays));
        Assert.Equal(1, host.Upstream.RequestCount); // the 503 was injected: only the retry reached the dependency
        Assert.Equal(TimeSpan.FromSeconds(2), host.Upstream.Requests[0].ReceivedAt - TestClockStart(host));
        Assert.Equal(TimeSpan.FromSeconds(2), host.Clock.Elapsed);
        Assert.Equal(503, Assert.Single(host.Faults.Faults).StatusCode);
    }

    private static DateTimeOffset TestClockStart(RecipeHost host) => host.Clock.Start;
}
