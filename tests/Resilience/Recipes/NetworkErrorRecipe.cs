using System.Net;
using System.Net.Sockets;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 3: DNS failures and refused connections are retried; when they persist, the caller gets the
/// original exception, exactly as SocketsHttpHandler throws it.</summary>
[Collection(RecipeCollection.Name)]
public sealed class NetworkErrorRecipe
{
    public static TheoryData<string> Kinds => ["DnsFailure", "ConnectionRefused"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Two_failures_are_retried_and_the_third_attempt_succeeds(string kind)
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultScript(s => Fail(s, kind, times: 2).ThenPass());
        });
        host.Upstream.MapGet("/stock", """{"sku":"A1","count":3}""");

        using var response = await host.GetAsync("/stock");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, host.Upstream.RequestCount);
        Assert.Equal(2, host.Events.Retries.Count);
        Assert.Equal(2, host.Faults.CountOf(kind));
        Assert.Equal(host.Events.TotalRetryWait, host.Clock.Elapsed); // nothing but the retry delays took time
    }

    [Theory]
    [InlineData("DnsFailure", HttpRequestError.NameResolutionError, SocketError.HostNotFound, "Name or service not known (api.example.test:443)")]
    [InlineData("ConnectionRefused", HttpRequestError.ConnectionError, SocketError.ConnectionRefused, "Connection refused (api.example.test:443)")]
    public async Task Persistent_failure_reaches_the_caller_as_the_original_exception_after_three_retries(
        string kind, HttpRequestError error, SocketError socketError, string message)
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultScript(s => Fail(s, kind, times: 1).ThenRepeatLastStep());
        });

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => host.GetAsync("/stock"));

        Assert.Equal(error, exception.HttpRequestError);
        Assert.Equal(message, exception.Message);
        Assert.Equal(socketError, Assert.IsType<SocketException>(exception.InnerException).SocketErrorCode);
        Assert.Equal(0, host.Upstream.RequestCount);
        Assert.Equal(3, host.Events.Retries.Count); // the standard handler's default: 3 retries, 4 attempts
        Assert.Equal(4, host.Faults.CountOf(kind));
    }

    private static FaultScriptBuilder Fail(FaultScriptBuilder script, string kind, int times) =>
        kind == "DnsFailure" ? script.DnsFailure(times) : script.ConnectionRefused(times);
}
