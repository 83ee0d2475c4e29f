using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.LoadFaults.Tests;

/// <summary>Ordinary clients from DI, registered by each test the way an application would, then resolved by name.</summary>
internal sealed class Clients : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public Clients(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        _provider = services.BuildServiceProvider();
    }

    public HttpClient this[string name] => _provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    /// <summary>Registers a named client whose base address is the dependency.</summary>
    public static IHttpClientBuilder Add(IServiceCollection services, string name, Dependency dependency) =>
        services.AddHttpClient(name, c => c.BaseAddress = dependency.BaseAddress);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
