using FaultLab.Load;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>Ordinary clients from DI, registered by each test the way an application would, then resolved by name.</summary>
internal sealed class Clients : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public Clients(Dependency dependency, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        var warmUp = Add(services, WarmUpClient, dependency);
        warmUp.AddStandardResilienceHandler();
        warmUp.AddFaultInjection(f => f.AddLatency(TimeSpan.FromMilliseconds(1), injectionRate: 0.5));
        _provider = services.BuildServiceProvider();
    }

    private const string WarmUpClient = "warm-up";

    /// <summary>
    /// One second of load through a client with the same kind of stack (standard handler, fault injection), before
    /// the measured run: on a 2-core machine the first second of a cold process (JIT, Kestrel, connection set-up)
    /// otherwise takes over a second per call, long enough to trip a breaker that has nothing to do with the test.
    /// The dependency's count is reset afterwards; the measures only ever watch the client under test.
    /// </summary>
    public async Task WarmUpAsync(Dependency dependency)
    {
        var scenario = LoadRun.Orders(WarmUpClient, this[WarmUpClient])
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        await LoadTest.RunAsync(new LoadTestOptions { ConsoleOutput = ConsoleOutput.Silent, ReportFormats = ReportFormats.None }, scenario);
        dependency.Reset();
    }

    public HttpClient this[string name] => _provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    /// <summary>Registers a named client whose base address is the dependency, its attempts recorded into
    /// <see cref="LoadRun.Recorder"/> (the measures count from their construction, so a recorder shared by several
    /// tests' clients of one name still yields each run's own figures: the tests run one at a time).</summary>
    public static IHttpClientBuilder Add(IServiceCollection services, string name, Dependency dependency) =>
        services.AddHttpClient(name, c => c.BaseAddress = dependency.BaseAddress).RecordAttempts(LoadRun.Recorder(name));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
