using System.Diagnostics.Metrics;
using FaultLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Telemetry;

namespace FaultLab.Tests.Observation;

/// <summary>What the observer listens to and what it ignores, measured by publishing on instruments of the exact
/// meter and instrument names (and near misses) the observer matches.</summary>
public sealed class ResilienceObserverInstrumentTests
{
    private const string PollyEvents = "resilience.polly.strategy.events";

    [Fact]
    public void Listens_only_to_an_instrument_whose_meter_and_name_both_match()
    {
        using var observer = new ResilienceObserver("obs-inst");
        using var faultLab = new Meter(FaultLabTelemetry.MeterName);
        using var polly = new Meter("Polly");
        using var other = new Meter("obs-inst-other");

        // Right meter, wrong instrument; right instrument, wrong meter: none of these counts.
        faultLab.CreateCounter<long>("faultlab.other").Add(1, [.. Fault("obs-inst", "Status"), .. Event("OnRetry", "obs-inst-p")]);
        other.CreateCounter<long>(FaultLabTelemetry.InjectedCounterName).Add(1, [.. Fault("obs-inst", "Status"), .. Event("OnRetry", "obs-inst-p")]);
        polly.CreateCounter<int>("resilience.polly.other").Add(1, Event("OnRetry", "obs-inst-p"));
        other.CreateCounter<int>(PollyEvents).Add(1, Event("OnRetry", "obs-inst-p"));

        Assert.Empty(observer.Snapshot().FaultsByKind);
        Assert.Empty(observer.Events);

        faultLab.CreateCounter<long>(FaultLabTelemetry.InjectedCounterName).Add(2, Fault("obs-inst", "Status"));
        polly.CreateCounter<int>(PollyEvents).Add(1, Event("OnRetry", "obs-inst-p"));

        Assert.Equal(new Dictionary<string, long> { ["Status"] = 2 }, observer.Snapshot().FaultsByKind);
        Assert.Equal(["OnRetry"], observer.Events.Select(e => e.Name));
    }

    [Fact]
    public void Counts_forwarded_attempts_apart_from_faults_and_names_a_fault_without_kind_or_name_question_mark()
    {
        using var observer = new ResilienceObserver("obs-fwd");
        using var meter = new Meter(FaultLabTelemetry.MeterName);
        var forwarded = meter.CreateCounter<long>(FaultLabTelemetry.ForwardedCounterName);
        var injected = meter.CreateCounter<long>(FaultLabTelemetry.InjectedCounterName);

        forwarded.Add(3, new KeyValuePair<string, object?>(FaultLabTelemetry.ClientTag, "obs-fwd"));
        injected.Add(1, new KeyValuePair<string, object?>(FaultLabTelemetry.ClientTag, "obs-fwd"));
        injected.Add(2, new KeyValuePair<string, object?>(FaultLabTelemetry.ClientTag, "obs-fwd"),
            new KeyValuePair<string, object?>(FaultLabTelemetry.StatusCodeTag, 503));
        injected.Add(4, new KeyValuePair<string, object?>(FaultLabTelemetry.ClientTag, "obs-fwd"),
            new KeyValuePair<string, object?>(FaultLabTelemetry.FaultKindTag, "Status"));

        var seen = observer.Snapshot();
        Assert.Equal(3, seen.ForwardedToDependency);
        Assert.Equal(new Dictionary<string, long> { ["?"] = 1, ["? 503"] = 2, ["Status"] = 4 }, seen.FaultsByKind);
    }

    [Fact]
    public void Matches_a_pipeline_by_the_client_name_and_a_dash_not_by_a_longer_client_or_another_one()
    {
        using var observer = new ResilienceObserver("obs-pfx");
        using var polly = new Meter("Polly");
        var events = polly.CreateCounter<int>(PollyEvents);

        events.Add(1, Event("OnRetry", "obs-pfxlonger-standard"));
        events.Add(1, Event("OnRetry", "other-obs-pfx-standard"));
        events.Add(1, Event("OnRetry", null));
        events.Add(1, Event("OnTimeout", "obs-pfx-standard"));

        Assert.Equal(["obs-pfx-standard"], observer.Events.Select(e => e.PipelineName));
    }

    [Fact]
    public void Reads_severity_and_strategy_tags_and_counts_hedges_fallbacks_and_transitions_with_their_pipeline()
    {
        var clock = Clock.New();
        using var observer = new ResilienceObserver("obs-tags", clock);
        using var polly = new Meter("Polly");
        var events = polly.CreateCounter<int>(PollyEvents);

        events.Add(1, Event(ResilienceEventNames.Timeout, "obs-tags-t", "Error", "timeout-1"));
        events.Add(1, Event(ResilienceEventNames.Hedging, "obs-tags-h", "Warning", "hedge-1"));
        events.Add(1, Event(ResilienceEventNames.Fallback, "obs-tags-f", "Error", "fallback-1"));
        events.Add(1, Event(ResilienceEventNames.Fallback, "obs-tags-f", "not-a-severity", null));
        clock.Advance(TimeSpan.FromSeconds(2));
        events.Add(1, Event(ResilienceEventNames.CircuitOpened, "obs-tags-cb", "Error", "breaker"));

        var recorded = observer.Events;
        Assert.Equal(
            [(ResilienceEventSeverity.Error, "timeout-1"), (ResilienceEventSeverity.Warning, "hedge-1"), (ResilienceEventSeverity.Error, "fallback-1"), (ResilienceEventSeverity.Information, null),
                (ResilienceEventSeverity.Error, "breaker")],
            recorded.Select(e => (e.Severity, e.StrategyName)));
        var seen = observer.Snapshot();
        Assert.Equal(1, seen.Hedges);
        Assert.Equal(2, seen.Fallbacks);
        Assert.Equal(0, seen.Retries);
        Assert.Equal([new CircuitTransition(TimeSpan.FromSeconds(2), CircuitState.Open, "obs-tags-cb")], seen.CircuitTransitions);
    }

    [Fact]
    public void Clear_forgets_events_faults_and_forwarded_attempts()
    {
        using var observer = new ResilienceObserver("obs-clear");
        using var faultLab = new Meter(FaultLabTelemetry.MeterName);
        using var polly = new Meter("Polly");
        var client = new KeyValuePair<string, object?>(FaultLabTelemetry.ClientTag, "obs-clear");
        faultLab.CreateCounter<long>(FaultLabTelemetry.ForwardedCounterName).Add(5, client);
        faultLab.CreateCounter<long>(FaultLabTelemetry.InjectedCounterName).Add(1, client);
        polly.CreateCounter<int>(PollyEvents).Add(1, Event(ResilienceEventNames.Retry, "obs-clear-p"));
        Assert.Equal((5, 1, 1), (observer.Snapshot().ForwardedToDependency, observer.Snapshot().FaultsInjected, observer.Events.Count));

        observer.Clear();

        var seen = observer.Snapshot();
        Assert.Equal(0, seen.ForwardedToDependency);
        Assert.Empty(seen.FaultsByKind);
        Assert.Empty(observer.Events);
        Assert.Equal(0, seen.Retries);
    }

    [Fact]
    public async Task Attached_to_a_provider_it_ignores_other_clients_pipelines()
    {
        var services = new ServiceCollection();
        using var observer = services.AddResilienceObserver(Clock.New(), "obs-w");
        using var provider = services.BuildServiceProvider();
        var telemetry = provider.GetRequiredService<IOptions<TelemetryOptions>>().Value;

        await RetryOnce(telemetry, "obs-wx-p");
        await RetryOnce(telemetry, "other-p");
        await RetryOnce(telemetry, "obs-w-p");

        Assert.Equal([("obs-w-p", (int?)0)], observer.Retries.Select(r => (r.PipelineName, r.AttemptNumber)));
    }

    [Fact]
    public async Task Not_attached_to_a_provider_it_counts_a_pipelines_event_once_from_the_meter_even_as_its_listener()
    {
        using var observer = new ResilienceObserver("obs-once");

        await RetryOnce(new TelemetryOptions { TelemetryListeners = { observer } }, "obs-once-p");

        var retry = Assert.Single(observer.Retries);
        Assert.Null(retry.AttemptNumber);
    }

    [Fact]
    public async Task A_transition_of_an_unnamed_pipeline_has_an_empty_pipeline_name()
    {
        var services = new ServiceCollection();
        using var observer = services.AddResilienceObserver(Clock.New());
        using var provider = services.BuildServiceProvider();
        var pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions { MinimumThroughput = 2, FailureRatio = 0.5 })
            .ConfigureTelemetry(provider.GetRequiredService<IOptions<TelemetryOptions>>().Value)
            .Build();

        for (int i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.ExecuteAsync(_ => throw new InvalidOperationException()).AsTask());
        }

        Assert.Equal([(CircuitState.Open, "")], observer.CircuitTransitions.Select(t => (t.State, t.Pipeline)));
    }

    private static async Task RetryOnce(TelemetryOptions telemetry, string pipelineName)
    {
        var pipeline = new ResiliencePipelineBuilder { Name = pipelineName }
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 1, Delay = TimeSpan.Zero })
            .ConfigureTelemetry(telemetry)
            .Build();
        int calls = 0;
        await pipeline.ExecuteAsync(_ => ++calls == 1 ? throw new InvalidOperationException() : ValueTask.CompletedTask);
        Assert.Equal(2, calls);
    }

    private static KeyValuePair<string, object?>[] Fault(string client, string kind) =>
    [
        new(FaultLabTelemetry.ClientTag, client),
        new(FaultLabTelemetry.FaultKindTag, kind),
    ];

    // A tag left null is absent, as Polly leaves out what it does not know.
    private static KeyValuePair<string, object?>[] Event(string name, string? pipeline, string? severity = null, string? strategy = null) =>
    [
        .. new (string Key, string? Value)[] { ("event.name", name), ("pipeline.name", pipeline), ("event.severity", severity), ("strategy.name", strategy) }
            .Where(t => t.Value is not null)
            .Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)),
    ];
}
