using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 11: a body that dies after the headers arrived cannot be retried by the standard handler: the
/// handler chain has already returned when the caller reads the body, so it is one attempt and the caller's exception.</summary>
[Collection(RecipeCollection.Name)]
public sealed class TruncatedBodyRecipe
{
    private const string Catalog = """{"items":[{"id":1,"name":"kettle"},{"id":2,"name":"teapot"},{"id":3,"name":"mug"}]}""";

    [Fact]
    public async Task Standard_handler_does_not_retry_a_body_cut_short_after_the_headers()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultInjection(f => f.AddTruncatedBody(afterBytes: 20));
        });
        host.Upstream.MapGet("/catalog", Catalog);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => host.Clock.RunUntilComplete(host.Client.GetStringAsync("/catalog")));

        Assert.Equal("Error while copying content to a stream.", exception.Message);
        var ended = Assert.IsType<HttpIOException>(exception.InnerException);
        Assert.Equal(HttpRequestError.ResponseEnded, ended.HttpRequestError);
        Assert.Equal(1, host.Upstream.RequestCount);
        Assert.Empty(host.Events.Retries);
    }

    [Fact]
    public async Task Standard_handler_does_not_retry_a_connection_reset_in_the_middle_of_the_body()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultInjection(f => f.AddTruncatedBody(ending: BodyEnding.Reset, afterBytes: 20));
        });
        host.Upstream.MapGet("/catalog", Catalog);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => host.Clock.RunUntilComplete(host.Client.GetStringAsync("/catalog")));

        Assert.Equal("Error while copying content to a stream.", exception.Message);
        var reset = Assert.IsType<IOException>(exception.InnerException);
        Assert.Equal("Unable to read data from the transport connection: Connection reset by peer.", reset.Message);
        Assert.Equal(1, host.Upstream.RequestCount);
        Assert.Empty(host.Events.Retries);
    }
}
