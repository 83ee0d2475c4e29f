using System.Net;

namespace FaultLab.Control.Tests;

/// <summary>Small profiles the tests share, and a fixed-answer primary handler that counts what reached it.</summary>
internal static class Profiles
{
    public static FaultInjectionOptions Status(HttpStatusCode code, string name = "injected")
    {
        var profile = FaultJson.ReadProfile($$"""{ "Faults": [ { "Kind": "Status", "Name": "{{name}}", "StatusCode": {{(int)code}} } ] }""", out var errors);
        Assert.Empty(errors);
        return profile;
    }

    public static async Task<HttpStatusCode> GetAsync(HttpMessageHandler handler)
    {
        using var client = new HttpClient(handler, disposeHandler: false);
        using var response = await client.GetAsync("http://orders.test/orders");
        return response.StatusCode;
    }
}

/// <summary>The dependency: always 200, counting the requests that reached it.</summary>
internal sealed class OkHandler : HttpMessageHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
