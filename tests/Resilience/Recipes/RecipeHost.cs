using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>
/// The wiring every recipe shares: a <see cref="TestClock"/> as the TimeProvider, a <see cref="FakeUpstream"/> as the
/// primary handler, a recorder of Polly's events, and one named client configured by the recipe. Each host gets its
/// own client name and service provider, so recipes observe only themselves.
/// </summary>
internal sealed class RecipeHost : IDisposable
{
    public const string BaseAddress = "https://api.example.test";

    private readonly ServiceProvider _services;

    private RecipeHost(Action<IHttpClientBuilder> configureClient, Action<IServiceCollection>? configureServices)
    {
        var services = new ServiceCollection();
        Clock = services.AddTestClock();
        Upstream = new FakeUpstream(Clock);
        Events = services.AddResilienceObserver(Clock);
        Faults = new InjectedFaultRecorder(ClientName);
        configureServices?.Invoke(services);
        var client = services.AddHttpClient(ClientName, c => c.BaseAddress = new Uri(BaseAddress)).UseFakeUpstream(Upstream);
        configureClient(client);
        _services = services.BuildServiceProvider();
    }

    public string ClientName { get; } = "recipe-" + Guid.NewGuid().ToString("N")[..8];

    public TestClock Clock { get; }

    public FakeUpstream Upstream { get; }

    public ResilienceObserver Events { get; }

    public InjectedFaultRecorder Faults { get; }

    public IServiceProvider Services => _services;

    public HttpClient Client => _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    public static RecipeHost Create(Action<IHttpClientBuilder> configureClient, Action<IServiceCollection>? configureServices = null) =>
        new(configureClient, configureServices);

    /// <summary>Sends a GET and drives the fake clock until it completes.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => Clock.RunUntilComplete(Client.GetAsync(path));

    /// <summary>Sends a request and drives the fake clock until it completes.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Clock.RunUntilComplete(Client.SendAsync(request));

    public void Dispose()
    {
        Faults.Dispose();
        _services.Dispose();
    }
}
