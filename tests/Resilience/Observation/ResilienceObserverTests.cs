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

    [Fact]
    public async Task Counts_only_its_own_client_by_exact_name_and_every_client_without_one()
    {
        using var mine = new ResilienceObserver("obs-own");
        using var all = new ResilienceObserver();
        using var own = ClientsFor("obs-own", _ => { }, f => f.AddStatus(s => { s.StatusCode = 500; s.Name = "boom"; }));
        using var longer = ClientsFor("obs-own-v2", _ => { }, f => f.AddStatus(HttpStatusCode.BadGateway, injectionRate: 0));

        using var a = await own.Client.GetAsync("/a");
        using var b = await own.Client.GetAsync("/a");
        using var c = await longer.Client.GetAsync("/a");

        var seen = mine.Snapshot();
        Assert.Equal(new Dictionary<string, long> { ["boom 500"] = 2 }, seen.FaultsByKind);
        Assert.Equal(2, seen.FaultsInjected);
        Assert.Equal(0, seen.ForwardedToDependency);
        Assert.True(all.Snapshot().FaultsByKind["boom 500"] >= 2);
        Assert.True(all.Snapshot().ForwardedToDependency >= 1);

        mine.Clear();
        Assert.Empty(mine.Snapshot().FaultsByKind);
        Assert.Empty(mine.Events);
    }

    [Fact]
    public async Task Attached_to_a_provider_it_records_each_retry_with_its_attempt_number_delay_and_outcome()
    {
        var clock = Clock.New();
        var upstream = new Upstream();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddMetrics();
        using var observer = services.AddResilienceObserver(clock, "obs-attached");
        var builder = services.AddHttpClient("obs-attached", c => c.BaseAddress = new Uri("http://orders.internal"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream);
        builder.AddResilienceHandler("retry", p => p.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Linear,
                UseJitter = false,
            }));
        builder.AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("obs-attached");

        using var response = await clock.Drive(client.GetAsync("/a"), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));

        Assert.Equal([0, 1], observer.Retries.Select(r => r.AttemptNumber));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], observer.RetryDelays);
        Assert.Equal(TimeSpan.FromSeconds(3), observer.TotalRetryWait);
        Assert.All(observer.Retries, r => Assert.Equal(503, r.StatusCode));
        Assert.All(observer.Retries, r => Assert.Equal("obs-attached-retry", r.PipelineName));
        Assert.Equal([0, 1, 2], observer.Named(ResilienceEventNames.ExecutionAttempt).Select(e => e.AttemptNumber));
        Assert.Equal(clock.Start, observer.StartedAt);
        Assert.Equal(clock.Start + TimeSpan.FromSeconds(1), observer.Retries[1].At);
        var seen = observer.Snapshot();
        Assert.Equal(2, seen.Retries);
        Assert.Equal(3, seen.FaultsByKind["Status 503"]);
        Assert.Empty(observer.Timeouts);
        Assert.Empty(observer.Fallbacks);
        Assert.Empty(observer.Hedges);
    }

    [Fact]
    public void Retry_amplification_is_attempts_seen_per_caller_call_and_zero_without_calls()
    {
        var snapshot = new ResilienceSnapshot(new Dictionary<string, long> { ["a"] = 2, ["b 503"] = 3 }, 6, 0, 0, 0, []);

        Assert.Equal(1.5, snapshot.RetryAmplification(4));
        Assert.Equal(0, snapshot.RetryAmplification(0));
        Assert.Equal(5, snapshot.FaultsInjected);
        Assert.Equal(0, snapshot.CircuitOpens);
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
