using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 5: client errors are the caller's fault, not the network's: the standard handler does not retry them.</summary>
[Collection(RecipeCollection.Name)]
public sealed class ClientErrorRecipe
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Client_error_is_returned_after_one_attempt(HttpStatusCode status)
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultScript(s => s.Status(status).ThenRepeatLastStep());
        });

        using var response = await host.GetAsync("/invoices/7");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, host.Faults.CountOf("Status")); // one attempt reached the network layer
        Assert.Empty(host.Events.Retries);
        Assert.Equal(TimeSpan.Zero, host.Clock.Elapsed);
    }
}
