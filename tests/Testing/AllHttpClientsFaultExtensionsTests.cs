using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing.Tests;

public sealed class AllHttpClientsFaultExtensionsTests
{
    [Fact]
    public async Task Faults_reach_clients_registered_before_and_after_the_call()
    {
        var upstream = new FakeUpstream().MapGet("/ping", "pong");
        var services = new ServiceCollection();
        services.AddHttpClient("before", c => c.BaseAddress = new Uri("https://before.example.test"));
        services.InjectFaultsIntoAllHttpClients(f => f.AddConnectionRefused());
        services.RouteAllHttpClientsTo(upstream);
        services.AddHttpClient("after", c => c.BaseAddress = new Uri("https://after.example.test"));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        var before = await Assert.ThrowsAsync<HttpRequestException>(() => factory.CreateClient("before").GetAsync("/ping"));
        var after = await Assert.ThrowsAsync<HttpRequestException>(() => factory.CreateClient("after").GetAsync("/ping"));

        Assert.Equal(HttpRequestError.ConnectionError, before.HttpRequestError);
        Assert.Equal(HttpRequestError.ConnectionError, after.HttpRequestError);
        Assert.Equal(0, upstream.RequestCount);
    }
}
