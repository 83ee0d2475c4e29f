using System.Globalization;
using Polly.CircuitBreaker;

namespace FaultLab.Load.Resilience;

/// <summary>
/// Gathers the resilience measures no other load tool reports, for one scenario driving one client: caller-visible
/// success versus injected faults, attempts per call split into those that reached the dependency and those an
/// injected fault answered, circuit-breaker transitions on the timeline, retries, hedges, fallback rate,
/// <c>Retry-After</c> violations, and the fault windows with the time the caller took to recover after each. Create it
/// just before the run; pass <see cref="Enrich"/> to <see cref="LoadTestOptions.Enrichers"/> so every report shows
/// the figures.
/// </summary>
public sealed class ResilienceMeasures : IDisposable
{
    /// <summary>Metric names written into <see cref="ScenarioResult.CustomMetrics"/>.</summary>
    public const string SuccessRate = "caller success rate", InjectedPerCall = "injected faults per call",
        CallsWithFaults = "calls with an injected fault", Amplification = "retry amplification", Retries = "retries",
        CircuitOpens = "circuit opens", FallbackRate = "fallback rate", Hedges = "hedged attempts",
        ForwardedPerCall = "forwarded to the dependency per call", StoppedByFaultPerCall = "stopped by an injected fault per call",
        RetryAfterViolations = "Retry-After violations", TimeToRecover = "time to recover (s, longest)",
        WindowsNotRecovered = "fault windows not recovered";

    /// <summary>The colours of the bands the measures mark: a fault window, and the recovery after it.</summary>
    public const string FaultWindowColor = "#dc2626", RecoveryWindowColor = "#d97706";

    private readonly string _scenario;
    private readonly ResilienceObserver _observer;
    private readonly AttemptRecorder? _attempts;
    private readonly (long Attempts, long Calls, long Advertised, long Followed, long Violations) _attemptsAtStart;
    private readonly List<(IReadOnlyList<Fault> Faults, DateTimeOffset? StartedAt)> _profiles = [];
    private double _recoveryMargin = 0.05;

    /// <summary>Starts observing.</summary>
    /// <param name="scenarioName">The scenario whose result receives the measures.</param>
    /// <param name="clientName">The logical name of the client the scenario drives.</param>
    /// <param name="attempts">The recorder registered on the client with <c>RecordAttempts</c>, for exact attempt
    /// counts and <c>Retry-After</c> violations; without one, attempts are estimated from Polly's events.</param>
    public ResilienceMeasures(string scenarioName, string clientName, AttemptRecorder? attempts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioName);
        _scenario = scenarioName;
        _observer = new ResilienceObserver(clientName);
        _attempts = attempts;
        _attemptsAtStart = attempts?.Counts() ?? default;
    }

    /// <summary>Gets what was observed so far.</summary>
    public ResilienceSnapshot Snapshot => _observer.Snapshot();

    /// <summary>Gets or sets how far below the baseline success rate a second may stay and still count as recovered.
    /// Defaults to 0.05 (5 percentage points).</summary>
    public double RecoveryMargin
    {
        get => _recoveryMargin;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(RecoveryMargin));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1, nameof(RecoveryMargin));
            _recoveryMargin = value;
        }
    }

    /// <summary>Gets the recovery after each fault window, once <see cref="Enrich"/> has run.</summary>
    public IReadOnlyList<WindowRecovery> Recoveries { get; private set; } = [];

    /// <summary>
    /// Marks the scheduled faults' windows (outages, schedules, flapping) on the charts and measures the time to
    /// recover after each. Schedules count from when the client's profile started: the first time the client was
    /// resolved (<c>CreateClient</c>), so read the clock just before that.
    /// </summary>
    /// <param name="faults">The client's faults (for example <c>IOptionsMonitor&lt;FaultInjectionOptions&gt;.Get(clientName).Faults</c>).</param>
    /// <param name="profileStartedAt">When the profile started; the construction of these measures when omitted.</param>
    /// <returns>The same measures.</returns>
    public ResilienceMeasures MarkFaultWindows(IEnumerable<Fault> faults, DateTimeOffset? profileStartedAt = null)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _profiles.Add(([.. faults], profileStartedAt));
        return this;
    }

    /// <summary>Writes the measures into the scenario's result: metrics, circuit markers, fault windows and tables.</summary>
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
        scenario.SetMetric(Retries, seen.Retries);
        scenario.SetMetric(Hedges, seen.Hedges);
        scenario.SetMetric(CircuitOpens, seen.CircuitOpens);
        scenario.SetMetric(FallbackRate, (double)Math.Max(fallbacks, seen.Fallbacks) / calls);
        AddAttempts(scenario, seen, calls);
        AddCircuitMarkers(scenario, seen);

        scenario.AddSection(new ReportSection("Injected faults", ["fault", "count", "per call"],
            seen.FaultsByKind.OrderByDescending(kv => kv.Value)
                .Select(kv => (IReadOnlyList<string>)[kv.Key, N(kv.Value), PerCall(kv.Value, calls)])
                .ToList()));
        AddRetryAfter(scenario);
        AddWindows(scenario);
    }

    /// <inheritdoc/>
    public void Dispose() => _observer.Dispose();

    /// <summary>
    /// Attempts per call, split honestly: an injected 503 or refused connection is an attempt the client made that
    /// never reached the dependency, so "forwarded per call" alone reads 0.8 for a client that never retries.
    /// </summary>
    private void AddAttempts(ScenarioResult scenario, ResilienceSnapshot seen, long calls)
    {
        long attempts;
        string source;
        if (_attempts is not null)
        {
            attempts = _attempts.Attempts - _attemptsAtStart.Attempts;
            source = "counted below the resilience handlers (AttemptRecorder)";
        }
        else
        {
            // Every call makes one first attempt, plus Polly's retries and hedges, except the calls an open breaker
            // rejected before any attempt (tagged "circuit open" or "fallback ← no fault").
            long rejected = scenario.Stats.Tags.Where(t => t.Tag is FaultAwareStep.CircuitOpenTag or "fallback ← " + FaultAwareStep.NoFaultTag).Sum(t => t.Count);
            attempts = Math.Max(0, scenario.Stats.Count + seen.Retries + seen.Hedges - rejected);
            source = "estimated: calls + Polly's retries and hedges − calls an open breaker rejected (register AttemptRecorder for a count)";
        }

        long forwarded = seen.ForwardedToDependency;
        long injected = Math.Max(0, attempts - forwarded);
        scenario.SetMetric(Amplification, (double)attempts / calls);
        scenario.SetMetric(ForwardedPerCall, seen.RetryAmplification(calls));
        scenario.SetMetric(StoppedByFaultPerCall, (double)injected / calls);
        scenario.AddSection(new ReportSection("Attempts per call (retry amplification = reached the dependency + stopped by an injected fault)",
            ["attempts", "count", "per call", "how"],
        [
            ["sent by the client (first tries, retries, hedges)", N(attempts), PerCall(attempts, calls), source],
            ["reached the dependency", N(forwarded), PerCall(forwarded, calls), "FaultLab's faultlab.requests.forwarded"],
            ["stopped by an injected fault (answered by it, or cancelled in its delay)", N(injected), PerCall(injected, calls), "sent − reached"],
        ]));
    }

    // Transitions count from the observer's start, the timeline from the scenario's measured start (after init and
    // warm-up): shift them onto the timeline and leave out what happened before it began.
    private void AddCircuitMarkers(ScenarioResult scenario, ResilienceSnapshot seen)
    {
        TimeSpan shift = scenario.MeasuredStartedAt == default ? TimeSpan.Zero : scenario.MeasuredStartedAt - _observer.StartedAt;
        foreach (var transition in seen.CircuitTransitions.Where(t => t.At >= shift))
        {
            string state = transition.State == CircuitState.HalfOpen ? "half-open" : transition.State.ToString().ToLowerInvariant();
            scenario.AddMarker(transition.At - shift, $"circuit {state}", "circuit");
        }
    }

    private void AddRetryAfter(ScenarioResult scenario)
    {
        if (_attempts is null)
        {
            return;
        }

        long advertised = _attempts.RetryAfterResponses - _attemptsAtStart.Advertised;
        long followed = _attempts.AttemptsAfterRetryAfter - _attemptsAtStart.Followed;
        long violations = _attempts.RetryAfterViolations - _attemptsAtStart.Violations;
        scenario.SetMetric(RetryAfterViolations, violations);
        var rows = new List<IReadOnlyList<string>>
        {
            Row("429/503 responses with Retry-After", N(advertised), "", "", ""),
            Row("attempts that followed one (same call)", N(followed), "", "", ""),
            Row("… earlier than the advertised instant (violations)", N(violations), "", "", ""),
        };
        DateTimeOffset origin = scenario.MeasuredStartedAt;
        foreach (var v in _attempts.Evidence.Where(v => origin == default || v.AttemptedAt >= origin).Take(10))
        {
            rows.Add(Row($"{v.Method} {v.Uri} attempt {v.Attempt}", "", $"{v.StatusCode}, Retry-After: {v.RetryAfter}",
                F("{0:0.000} s", (v.AttemptedAt - origin).TotalSeconds), F("{0:0} ms early", v.Early.TotalMilliseconds)));
        }

        scenario.AddSection(new ReportSection("Retry-After (RFC 9110 §10.2.3): no retry of the same call before the advertised instant",
            ["attempts", "count", "after", "at", "early by"], rows));
    }

    private void AddWindows(ScenarioResult scenario)
    {
        if (_profiles.Count == 0)
        {
            return;
        }

        double length = Math.Max(scenario.Timeline.Select(p => p.StartSeconds + p.LengthSeconds).DefaultIfEmpty(0).Max(), scenario.Stats.DurationSeconds);
        var windows = _profiles.SelectMany(p =>
        {
            DateTimeOffset started = p.StartedAt ?? _observer.StartedAt;
            TimeSpan offset = scenario.MeasuredStartedAt == default ? TimeSpan.Zero : scenario.MeasuredStartedAt - started;
            return FaultWindow.FromSchedules(p.Faults, offset, length);
        }).OrderBy(w => w.StartSeconds).ToList();
        Recoveries = WindowRecovery.Measure(scenario.Timeline, windows, RecoveryMargin);

        var rows = new List<IReadOnlyList<string>>();
        for (int i = 0; i < Recoveries.Count; i++)
        {
            var r = Recoveries[i];
            var w = r.Window;
            // The fault's band carries its name only, so set-ups that met the same fault share it on a comparison
            // chart; the recovery after it is a band of its own: until the caller was back, or, if it never came
            // back, until the next window or the end of the run.
            scenario.AddWindow(TimeSpan.FromSeconds(w.StartSeconds), TimeSpan.FromSeconds(w.EndSeconds), w.Fault, "fault", FaultWindowColor);
            if (r.RecoveredAtSeconds is { } at)
            {
                if (at > w.EndSeconds)
                {
                    scenario.AddWindow(TimeSpan.FromSeconds(w.EndSeconds), TimeSpan.FromSeconds(at), F("back in {0:0.0} s", at - w.EndSeconds), "recovery", RecoveryWindowColor);
                }
            }
            else
            {
                double until = Recoveries.Skip(i + 1).Select(n => n.Window.StartSeconds).Where(s => s >= w.EndSeconds).DefaultIfEmpty(length).Min();
                if (until > w.EndSeconds)
                {
                    scenario.AddWindow(TimeSpan.FromSeconds(w.EndSeconds), TimeSpan.FromSeconds(until), "not back", "recovery", RecoveryWindowColor);
                }
            }

            rows.Add(Row(w.Fault, F("{0:0.00} s", w.StartSeconds), F("{0:0.00} s", w.EndSeconds),
                r.BaselineMeasured ? r.BaselineSuccessRate.ToString("P1", CultureInfo.InvariantCulture) : "100 % (assumed: no calls before)",
                r.RecoveredAtSeconds is { } a ? F("{0:0.00} s", a) : "-", r.TimeToRecoverSeconds is { } t ? F("{0:0.00} s", t) : "not back before the next window or the end"));
        }

        var recovered = Recoveries.Where(r => r.TimeToRecoverSeconds is not null).ToList();
        if (recovered.Count > 0)
        {
            scenario.SetMetric(TimeToRecover, recovered.Max(r => r.TimeToRecoverSeconds!.Value));
        }

        scenario.SetMetric(WindowsNotRecovered, Recoveries.Count - recovered.Count);
        scenario.AddSection(new ReportSection(
            F("Fault windows and time to recover (back: the first second at most {0:0.#} points below the success rate before the window; resolution one second)", RecoveryMargin * 100),
            ["fault", "from", "to", "baseline", "back at", "time to recover"], rows));
    }

    private static string[] Row(params string[] cells) => cells;
    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
    private static string PerCall(long n, long calls) => ((double)n / calls).ToString("0.000", CultureInfo.InvariantCulture);
    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
