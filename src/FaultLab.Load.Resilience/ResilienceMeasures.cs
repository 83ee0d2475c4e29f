using System.Globalization;
using Polly.CircuitBreaker;

namespace FaultLab.Load.Resilience;

/// <summary>
/// Gathers the resilience measures no other load tool reports, for one scenario driving one client: caller-visible
/// success versus injected faults, retry amplification (attempts the dependency saw ÷ calls the caller made),
/// circuit-breaker transitions on the timeline, retries, hedges and fallback rate. Create it just before the run;
/// pass <see cref="Enrich"/> to <see cref="LoadTestOptions.Enrichers"/> so every report shows the figures.
/// </summary>
public sealed class ResilienceMeasures : IDisposable
{
    /// <summary>Metric names written into <see cref="ScenarioResult.CustomMetrics"/>.</summary>
    public const string SuccessRate = "caller success rate", InjectedPerCall = "injected faults per call",
        CallsWithFaults = "calls with an injected fault", Amplification = "retry amplification", Retries = "retries",
        CircuitOpens = "circuit opens", FallbackRate = "fallback rate", Hedges = "hedged attempts";

    private readonly string _scenario;
    private readonly ResilienceObserver _observer;

    /// <summary>Starts observing.</summary>
    /// <param name="scenarioName">The scenario whose result receives the measures.</param>
    /// <param name="clientName">The logical name of the client the scenario drives.</param>
    public ResilienceMeasures(string scenarioName, string clientName)
    {
        _scenario = scenarioName;
        _observer = new ResilienceObserver(clientName);
    }

    /// <summary>Gets what was observed so far.</summary>
    public ResilienceSnapshot Snapshot => _observer.Snapshot();

    /// <summary>Writes the measures into the scenario's result: metrics, circuit markers and a fault table.</summary>
    /// <param name="result">The run's result.</param>
    public void Enrich(LoadTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scenario = result[_scenario];
        var seen = _observer.Snapshot();
        long calls = Math.Max(1, scenario.Stats.Count);
        long withFaults = scenario.Stats.Tags.Where(t => FaultAwareStep.HasInjectedFault(t.Tag)).Sum(t => t.Count);
        long fallbacks = scenario.Stats.Tags.Where(t => t.Tag.StartsWith("fallback", StringComparison.Ordinal)).Sum(t => t.Count);

        scenario.SetMetric(SuccessRate, scenario.Stats.SuccessRate);
        scenario.SetMetric(InjectedPerCall, (double)seen.FaultsInjected / calls);
        scenario.SetMetric(CallsWithFaults, (double)withFaults / calls);
        scenario.SetMetric(Amplification, seen.RetryAmplification(calls));
        scenario.SetMetric(Retries, seen.Retries);
        scenario.SetMetric(Hedges, seen.Hedges);
        scenario.SetMetric(CircuitOpens, seen.CircuitOpens);
        scenario.SetMetric(FallbackRate, (double)Math.Max(fallbacks, seen.Fallbacks) / calls);

        // Transitions count from the observer's start, the timeline from the scenario's measured start (after init
        // and warm-up): shift them onto the timeline and leave out what happened before it began.
        TimeSpan shift = scenario.MeasuredStartedAt == default ? TimeSpan.Zero : scenario.MeasuredStartedAt - _observer.StartedAt;
        foreach (var transition in seen.CircuitTransitions.Where(t => t.At >= shift))
        {
            string state = transition.State == CircuitState.HalfOpen ? "half-open" : transition.State.ToString().ToLowerInvariant();
            scenario.AddMarker(transition.At - shift, $"circuit {state}", "circuit");
        }

        scenario.AddSection(new ReportSection("Injected faults", ["fault", "count", "per call"],
            seen.FaultsByKind.OrderByDescending(kv => kv.Value)
                .Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value.ToString(CultureInfo.InvariantCulture), ((double)kv.Value / calls).ToString("0.000", CultureInfo.InvariantCulture)])
                .ToList()));
    }

    /// <inheritdoc/>
    public void Dispose() => _observer.Dispose();
}
