using Microsoft.Extensions.DependencyInjection;
using FaultLab.Testing;

namespace FaultLab.Tests.Support;

/// <summary>Builds an <see cref="HttpClient"/> from DI over an in-memory upstream, on a fake clock.</summary>
internal sealed class Clients : IDisposable
{
    private Clients(ServiceProvider services, Upstream upstream, TestClock clock)
    {
        Services = services;
        Upstream = upstream;
        TimeProvider = clock;
    }

    public ServiceProvider Services { get; }

    public Upstream Upstream { get; }

    public TestClock TimeProvider { get; }

    public HttpClient Client => Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");

    public static Clients Create(Action<FaultInjectionBuilder> faults, Action<IHttpClientBuilder>? more = null, Action<IServiceCollection>? services = null)
    {
        var clock = Clock.New();
        var upstream = new Upstream();
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        services?.Invoke(collection);
        var builder = collection.AddHttpClient("api", c => c.BaseAddress = new Uri("http://orders.internal:8080"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream)
            .AddFaultInjection(faults);
        more?.Invoke(builder);
        return new Clients(collection.BuildServiceProvider(validateScopes: true), upstream, clock);
    }

    public void Dispose() => Services.Dispose();
}
