using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FaultLab;

/// <summary>
/// Listens to FaultLab's and Polly's telemetry and keeps what a resilience experiment needs: faults injected by
/// kind, attempts that really reached the dependency, retries, hedges, fallbacks and circuit-breaker transitions
/// with their times. It reads the instruments; it re-implements nothing. Scope it to one client with
/// <c>clientName</c> when several run in one process (Polly pipelines of <c>AddStandardResilienceHandler</c> are
/// named <c>{client}-standard</c>). Polly's events are matched by that <c>{client}-</c> prefix alone, so with clients
/// <c>api</c> and <c>api-v2</c> in one process the observer of <c>api</c> also counts <c>api-v2</c>'s retries;
/// FaultLab's own counters are matched exactly.
/// </summary>
public sealed class ResilienceObserver : IDisposable
{
    private const string PollyMeter = "Polly";
    private const string PollyEvents = "resilience.polly.strategy.events";

    private readonly MeterListener _listener = new();
    private readonly TimeProvider _clock;
    private readonly DateTimeOffset _start;
    private readonly string? _client;
    private readonly ConcurrentDictionary<string, long> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CircuitTransition> _transitions = new();
    private long _forwarded;

    /// <summary>Starts listening.</summary>
    /// <param name="clientName">Only this client's telemetry counts; <see langword="null"/> counts every client.</param>
    /// <param name="timeProvider">The clock that stamps circuit transitions; the system clock when omitted.</param>
    public ResilienceObserver(string? clientName = null, TimeProvider? timeProvider = null)
    {
        _client = clientName;
        _clock = timeProvider ?? TimeProvider.System;
        _start = _clock.GetUtcNow();
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
    public DateTimeOffset StartedAt => _start;

    /// <summary>Takes a consistent copy of everything observed so far.</summary>
    /// <returns>The counts and transitions.</returns>
    public ResilienceSnapshot Snapshot() => new(
        new Dictionary<string, long>(_faults, StringComparer.Ordinal),
        Interlocked.Read(ref _forwarded),
        Event("OnRetry"),
        Event("OnHedging"),
        Event("OnFallback"),
        [.. _transitions.OrderBy(t => t.At)]);

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    private long Event(string name) => _events.TryGetValue(name, out long n) ? n : 0;

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Meter.Name == FaultLabTelemetry.MeterName)
        {
            OnFaultLab(instrument.Name, value, tags);
        }
        else
        {
            OnPolly(value, tags);
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

    private void OnPolly(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? pipeline = Tag(tags, "pipeline.name");
        if (_client is not null && (pipeline is null || !pipeline.StartsWith(_client + "-", StringComparison.Ordinal)))
        {
            return;
        }

        string? name = Tag(tags, "event.name");
        if (name is null)
        {
            return;
        }

        _events.AddOrUpdate(name, value, (_, n) => n + value);
        CircuitState? state = name switch
        {
            "OnCircuitOpened" => CircuitState.Open,
            "OnCircuitHalfOpened" => CircuitState.HalfOpen,
            "OnCircuitClosed" => CircuitState.Closed,
            _ => null,
        };
        if (state is { } s)
        {
            _transitions.Enqueue(new CircuitTransition(_clock.GetUtcNow() - _start, s, pipeline ?? string.Empty));
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
