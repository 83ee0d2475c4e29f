using Polly.CircuitBreaker;

namespace FaultLab;

/// <summary>What a <see cref="ResilienceObserver"/> saw up to one moment.</summary>
/// <param name="FaultsByKind">Injected faults by name — the kind unless the fault was named — and status, for faults
/// that answer (<c>Status 503</c>, <c>rate-limit 429</c>).</param>
/// <param name="ForwardedToDependency">Attempts that really reached the dependency.</param>
/// <param name="Retries">Retries Polly made.</param>
/// <param name="Hedges">Hedged attempts Polly made.</param>
/// <param name="Fallbacks">Fallbacks Polly served.</param>
/// <param name="CircuitTransitions">Circuit-breaker transitions, oldest first.</param>
public sealed record ResilienceSnapshot(
    IReadOnlyDictionary<string, long> FaultsByKind,
    long ForwardedToDependency,
    long Retries,
    long Hedges,
    long Fallbacks,
    IReadOnlyList<CircuitTransition> CircuitTransitions)
{
    /// <summary>Gets the total of injected faults.</summary>
    public long FaultsInjected => FaultsByKind.Values.Sum();

    /// <summary>Gets how many times a circuit opened.</summary>
    public int CircuitOpens => CircuitTransitions.Count(t => t.State == CircuitState.Open);

    /// <summary>Attempts the dependency saw per call the caller made (1.0: no amplification).</summary>
    /// <param name="callerCalls">Calls the caller made.</param>
    /// <returns>The ratio; 0 when there were no calls.</returns>
    public double RetryAmplification(long callerCalls) => callerCalls == 0 ? 0 : (double)ForwardedToDependency / callerCalls;
}

/// <summary>A circuit breaker changing state.</summary>
/// <param name="At">When, from the observer's start.</param>
/// <param name="State">The new state (Polly's own <see cref="CircuitState"/>: FaultLab defines no type of that name).</param>
/// <param name="Pipeline">The Polly pipeline whose breaker it was.</param>
public sealed record CircuitTransition(TimeSpan At, CircuitState State, string Pipeline);
