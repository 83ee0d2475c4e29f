using Polly;
using Polly.CircuitBreaker;
using Polly.Hedging;
using Polly.Retry;
using Polly.Telemetry;

namespace FaultLab.Testing;

/// <summary>
/// Records the resilience events of every Polly pipeline built from one service provider (the standard handlers,
/// <c>AddResilienceHandler</c>, <c>AddResiliencePipeline</c>): retries and their delays, timeouts, circuit
/// transitions, fallbacks, hedges. Register it with <c>AddResilienceEventRecorder</c>; it listens through Polly's own
/// <see cref="TelemetryListener"/>, so it sees only that provider's pipelines, even when tests run in parallel.
/// </summary>
public sealed class ResilienceEventRecorder : TelemetryListener
{
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<RecordedResilienceEvent> _events = [];

    /// <summary>Creates a recorder.</summary>
    /// <param name="clock">Stamps each event; use the test's fake clock. The system clock when omitted.</param>
    public ResilienceEventRecorder(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Gets every event so far, oldest first.</summary>
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

    /// <summary>Gets the delays the retries waited, in order.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => [.. Retries.Select(e => e.Delay ?? TimeSpan.Zero)];

    /// <summary>Gets the fake time the retries really waited: their delays as the clock's timers keep them (whole milliseconds).</summary>
    public TimeSpan TotalRetryWait => RetryDelays.Aggregate(TimeSpan.Zero, (sum, delay) => sum + TestClock.TimerDelay(delay));

    /// <summary>Gets the timeouts that fired (attempt and total alike; tell them apart by <see cref="RecordedResilienceEvent.StrategyName"/>).</summary>
    public IReadOnlyList<RecordedResilienceEvent> Timeouts => Named(ResilienceEventNames.Timeout);

    /// <summary>Gets the fallbacks taken.</summary>
    public IReadOnlyList<RecordedResilienceEvent> Fallbacks => Named(ResilienceEventNames.Fallback);

    /// <summary>Gets the hedged attempts started.</summary>
    public IReadOnlyList<RecordedResilienceEvent> Hedges => Named(ResilienceEventNames.Hedging);

    /// <summary>Gets the circuit's transitions in order, each as the state it moved to.</summary>
    public IReadOnlyList<CircuitState> CircuitTransitions =>
    [
        .. Events.Select(e => e.Name switch
        {
            ResilienceEventNames.CircuitOpened => CircuitState.Open,
            ResilienceEventNames.CircuitHalfOpened => CircuitState.HalfOpen,
            ResilienceEventNames.CircuitClosed => CircuitState.Closed,
            _ => (CircuitState?)null,
        }).OfType<CircuitState>(),
    ];

    /// <summary>Gets the events named <paramref name="name"/>.</summary>
    /// <param name="name">The event name (see <see cref="ResilienceEventNames"/>).</param>
    /// <returns>The events, oldest first.</returns>
    public IReadOnlyList<RecordedResilienceEvent> Named(string name) => [.. Events.Where(e => e.Name == name)];

    /// <summary>Forgets every event recorded so far (for example after a warm-up phase).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }

    /// <inheritdoc/>
    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        (int? attempt, TimeSpan? delay) = args.Arguments switch
        {
            OnRetryArguments<TResult> retry => (retry.AttemptNumber, retry.RetryDelay),
            OnHedgingArguments<TResult> hedging => (hedging.AttemptNumber, (TimeSpan?)null),
            ExecutionAttemptArguments execution => (execution.AttemptNumber, (TimeSpan?)null),
            _ => ((int?)null, (TimeSpan?)null),
        };
        var result = args.Outcome is { } outcome ? outcome.Result : default;
        var exception = args.Outcome is { } failed ? failed.Exception : null;
        var recorded = new RecordedResilienceEvent(
            args.Event.EventName,
            args.Event.Severity,
            args.Source.PipelineName,
            args.Source.StrategyName,
            _clock.GetUtcNow(),
            attempt,
            delay,
            result is HttpResponseMessage response ? (int)response.StatusCode : null,
            exception);
        lock (_gate)
        {
            _events.Add(recorded);
        }
    }
}
