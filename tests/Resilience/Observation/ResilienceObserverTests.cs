using System.Net;
using FaultLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace FaultLab.Tests.Observation;

public sealed class ResilienceObserverTests
{
    [Fact]
    public async Task Sees_injected_faults_forwarded_attempts_and_the_standard_handlers_retries()
    {
        using var observer = new ResilienceObserver("obs-retry");
        using var clients = ClientsFor("obs-retry", b => b.AddStandardResilienceHandler(), f => f.AddStatus(HttpStatusCode.ServiceUnavailable));

        using var response = await clients.Clock.Drive(clients.Client.GetAsync("/a"), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));

        var seen = observer.Snapshot();
        Assert.Equal(4, seen.FaultsByKind["Status 503"]);
        Assert.Equal(3, seen.Retries);
        Assert.Equal(0, seen.ForwardedToDependency);
        Assert.Equal(0.0, seen.RetryAmplification(1));
    }

    [Fact]
    public async Task Records_circuit_transitions_open_half_open_closed_in_order()
    {
        using var clients = ClientsFor("obs-breaker",
            b => b.AddResilienceHandler("breaker", p => p.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                MinimumThroughput = 2,
                FailureRatio = 0.5,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = TimeSpan.FromSeconds(5),
            })),
            f => f.AddOutage(TimeSpan.Zero, TimeSpan.FromSeconds(3)));
        using var observer = new ResilienceObserver("obs-breaker", clients.Clock);
        var client = clients.Client;

        await client.GetAsync("/a");
        await client.GetAsync("/a");
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("/a"));
        clients.Clock.Advance(TimeSpan.FromSeconds(5));
        using var probe = await client.GetAsync("/a");

        var seen = observer.Snapshot();
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal([CircuitState.Open, CircuitState.HalfOpen, CircuitState.Closed], seen.CircuitTransitions.Select(t => t.State));
        Assert.Equal(TimeSpan.Zero, seen.CircuitTransitions[0].At);
        Assert.Equal(TimeSpan.FromSeconds(5), seen.CircuitTransitions[1].At);
        Assert.Equal(1, seen.CircuitOpens);
        Assert.Equal(1, seen.ForwardedToDependency);
    }

    private static TestClients ClientsFor(string name, Action<IHttpClientBuilder> resilience, Action<FaultInjectionBuilder> faults)
    {
        var clock = Clock.New();
        var upstream = new Upstream();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddMetrics();
        var builder = services.AddHttpClient(name, c => c.BaseAddress = new Uri("http://orders.internal"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream);
        resilience(builder);
        builder.AddFaultInjection(faults);
        var provider = services.BuildServiceProvider();
        return new TestClients(provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(name), clock);
    }

    private sealed record TestClients(ServiceProvider Provider, HttpClient Client, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock) : IDisposable
    {
        public void Dispose() => Provider.Dispose();
    }
}
