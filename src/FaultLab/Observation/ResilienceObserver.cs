using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using Polly.Hedging;
using Polly.Retry;
using Polly.Telemetry;

namespace FaultLab;

/// <summary>
/// The one observer of resilience: FaultLab's injected faults and forwarded attempts, and Polly's events (retries
/// with their delays, timeouts, hedges, fallbacks, circuit transitions), for a unit test, a load run or the CLI.
/// It reads the instruments and re-implements nothing. Two ways to attach:
/// <list type="bullet">
/// <item><c>services.AddResilienceObserver(clock)</c>: Polly's events of the pipelines that service provider builds,
/// through Polly's <see cref="TelemetryListener"/>, with attempt numbers, delays and outcomes, isolated from other
/// providers (parallel tests).</item>
/// <item><c>new ResilienceObserver(clientName)</c>: Polly's metered events of the whole process, matched by pipeline
/// name (<c>{client}-standard</c> and the like, so with clients <c>api</c> and <c>api-v2</c> the observer of
/// <c>api</c> also counts <c>api-v2</c>'s), without attempt details. For a provider that is already built.</item>
/// </list>
/// FaultLab's own counters are process-wide and matched by client name exactly; pass <c>clientName</c> when several
/// clients run in one process.
/// </summary>
public sealed class ResilienceObserver : TelemetryListener, IDisposable
{
    private const string PollyMeter = "Polly";
    private const string PollyEvents = "resilience.polly.strategy.events";

    private readonly MeterListener _listener = new();
    private readonly TimeProvider _clock;
    private readonly string? _client;
    private readonly ConcurrentDictionary<string, long> _faults = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<RecordedResilienceEvent> _events = [];
    private long _forwarded;
    private volatile bool _throughPollyListener;

    /// <summary>Starts listening to FaultLab's counters and Polly's metered events.</summary>
    /// <param name="clientName">Only this client's telemetry counts; <see langword="null"/> counts every client.</param>
    /// <param name="timeProvider">The clock that stamps events; the system clock when omitted (pass a test's fake clock).</param>
    public ResilienceObserver(string? clientName = null, TimeProvider? timeProvider = null)
    {
        _client = clientName;
        _clock = timeProvider ?? TimeProvider.System;
        StartedAt = _clock.GetUtcNow();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name == FaultLabTelemetry.MeterName &&
                 instrument.Name is FaultLabTelemetry.InjectedCounterName or FaultLabTelemetry.ForwardedCounterName) ||
                (instrument.Meter.Name == PollyMeter && instrument.Name == PollyEvents))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<int>((i, v, t, s) => OnMeasurement(i, v, t, s));
        _listener.Start();
    }

    /// <summary>Gets when the observer started: the origin of <see cref="CircuitTransition.At"/>.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Gets every Polly event so far, oldest first.</summary>
    public IReadOnlyList<RecordedResilienceEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Gets the retries scheduled.</summary>
    public IReadOnlyList<RecordedResilienceEvent> Retries => Named(ResilienceEventNames.Retry);

    /// <summary>Gets the delays the retries waited, in order (known when attached through <c>AddResilienceObserver</c>).</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => [.. Retries.Select(e => e.Delay ?? TimeSpan.Zero)];

    /// <summary>Gets the time the retries really waited: their delays as timers keep them (whole milliseconds, on the
    /// system clock and on a fake one alike).</summary>
    public TimeSpan TotalRetryWait => RetryDelays.Aggregate(TimeSpan.Zero, (sum, delay) => sum + TimeSpan.FromMilliseconds((long)delay.TotalMilliseconds));

    /// <summary>Gets the timeouts that fired (attempt and total alike; tell them apart by <see cref="RecordedResilienceEvent.StrategyName"/>).</summary>
    public IReadOnlyList<RecordedResilienceEvent> Timeouts => Named(ResilienceEventNames.Timeout);

    /// <summary>Gets the fallbacks taken.</summary>
    public IReadOnlyList<RecordedResilienceEvent> Fallbacks => Named(ResilienceEventNames.Fallback);

    /// <summary>Gets the hedged attempts started.</summary>
    public IReadOnlyList<RecordedResilienceEvent> Hedges => Named(ResilienceEventNames.Hedging);

    /// <summary>Gets the circuit breakers' transitions, oldest first.</summary>
    public IReadOnlyList<CircuitTransition> CircuitTransitions =>
    [
        .. Events.Select(e => (Event: e, State: e.Name switch
            {
                ResilienceEventNames.CircuitOpened => CircuitState.Open,
                ResilienceEventNames.CircuitHalfOpened => CircuitState.HalfOpen,
                ResilienceEventNames.CircuitClosed => CircuitState.Closed,
                _ => (CircuitState?)null,
            }))
            .Where(t => t.State is not null)
            .Select(t => new CircuitTransition(t.Event.At - StartedAt, t.State!.Value, t.Event.PipelineName ?? string.Empty)),
    ];

    /// <summary>Gets the events named <paramref name="name"/>.</summary>
    /// <param name="name">The event name (see <see cref="ResilienceEventNames"/>).</param>
    /// <returns>The events, oldest first.</returns>
    public IReadOnlyList<RecordedResilienceEvent> Named(string name) => [.. Events.Where(e => e.Name == name)];

    /// <summary>Takes a consistent copy of the counts and transitions observed so far.</summary>
    /// <returns>The counts and transitions.</returns>
    public ResilienceSnapshot Snapshot()
    {
        var events = Events;
        return new(
            new Dictionary<string, long>(_faults, StringComparer.Ordinal),
            Interlocked.Read(ref _forwarded),
            events.Count(e => e.Name == ResilienceEventNames.Retry),
            events.Count(e => e.Name == ResilienceEventNames.Hedging),
            events.Count(e => e.Name == ResilienceEventNames.Fallback),
            CircuitTransitions);
    }

    /// <summary>Forgets every event, fault and forwarded attempt observed so far (for example after a warm-up phase).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }

        _faults.Clear();
        Interlocked.Exchange(ref _forwarded, 0);
    }

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    /// <inheritdoc/>
    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        if (!_throughPollyListener || !OfThisClient(args.Source.PipelineName))
        {
            return;
        }

        (int? attempt, TimeSpan? delay) = args.Arguments switch
        {
            OnRetryArguments<TResult> retry => (retry.AttemptNumber, retry.RetryDelay),
            OnHedgingArguments<TResult> hedging => (hedging.AttemptNumber, (TimeSpan?)null),
            ExecutionAttemptArguments execution => (execution.AttemptNumber, (TimeSpan?)null),
            _ => ((int?)null, (TimeSpan?)null),
        };
        var result = args.Outcome is { } outcome ? outcome.Result : default;
        Add(new RecordedResilienceEvent(args.Event.EventName, args.Event.Severity, args.Source.PipelineName, args.Source.StrategyName,
            _clock.GetUtcNow(), attempt, delay, result is HttpResponseMessage response ? (int)response.StatusCode : null, args.Outcome?.Exception));
    }

    /// <summary>From now on Polly's events come through <see cref="Write"/> (one provider's pipelines, in full detail),
    /// no longer from the process-wide meter, so none is counted twice.</summary>
    internal void ListenThroughPolly() => _throughPollyListener = true;

    private void Add(RecordedResilienceEvent recorded)
    {
        lock (_gate)
        {
            _events.Add(recorded);
        }
    }

    private bool OfThisClient(string? pipeline) =>
        _client is null || (pipeline is not null && pipeline.StartsWith(_client + "-", StringComparison.Ordinal));

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Meter.Name == FaultLabTelemetry.MeterName)
        {
            OnFaultLab(instrument.Name, value, tags);
        }
        else if (!_throughPollyListener)
        {
            OnPollyMeter(tags);
        }
    }

    private void OnFaultLab(string instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_client is not null && !string.Equals(Tag(tags, FaultLabTelemetry.ClientTag), _client, StringComparison.Ordinal))
        {
            return;
        }

        if (instrument == FaultLabTelemetry.ForwardedCounterName)
        {
            Interlocked.Add(ref _forwarded, value);
            return;
        }

        // The fault's name (its kind unless named) tells two faults of one kind apart, e.g. a DNS blip and an outage.
        string kind = Tag(tags, FaultLabTelemetry.FaultNameTag) ?? Tag(tags, FaultLabTelemetry.FaultKindTag) ?? "?";
        string? status = Tag(tags, FaultLabTelemetry.StatusCodeTag);
        _faults.AddOrUpdate(status is null ? kind : $"{kind} {status}", value, (_, n) => n + value);
    }

    private void OnPollyMeter(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? pipeline = Tag(tags, "pipeline.name");
        if (Tag(tags, "event.name") is not { } name || !OfThisClient(pipeline))
        {
            return;
        }

        var severity = Enum.TryParse(Tag(tags, "event.severity"), out ResilienceEventSeverity parsed) ? parsed : ResilienceEventSeverity.Information;
        Add(new RecordedResilienceEvent(name, severity, pipeline, Tag(tags, "strategy.name"), _clock.GetUtcNow(), null, null, null, null));
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return Convert.ToString(tag.Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
