namespace FaultLab.Cli.Experiments;

/// <summary>
/// A chaos experiment: a target, the faults to inject (the same schema as <c>AddFaultInjection(section)</c>), the
/// client's resilience, the load, and the steady-state hypothesis that must hold while the faults fire.
/// </summary>
internal sealed class Experiment
{
    /// <summary>Gets or sets the target's base URL; <see langword="null"/> starts the embedded demo API.</summary>
    public Uri? Target { get; set; }

    /// <summary>Gets or sets the path requested; <c>{n}</c> is replaced by the iteration number modulo 100, plus 1.</summary>
    public string Path { get; set; } = "/orders/{n}";

    /// <summary>Gets or sets the client's resilience.</summary>
    public ClientResilience Resilience { get; set; } = ClientResilience.Standard;

    /// <summary>Gets or sets the load.</summary>
    public ExperimentLoad Load { get; set; } = new();

    /// <summary>Gets or sets the steady-state hypothesis.</summary>
    public Hypothesis Hypothesis { get; set; } = new();

    /// <summary>Gets or sets the faults (bound separately: they are polymorphic).</summary>
    public FaultInjectionOptions Faults { get; set; } = new();
}

/// <summary>The resilience a client under test has.</summary>
internal enum ClientResilience
{
    /// <summary>A bare client.</summary>
    None,

    /// <summary><c>AddStandardResilienceHandler()</c>.</summary>
    Standard,

    /// <summary>The standard handler, a fallback to cached data, and token refresh on 401.</summary>
    StandardWithFallback,
}

/// <summary>Constant arrival rate for a duration.</summary>
internal sealed class ExperimentLoad
{
    /// <summary>Gets or sets requests per second.</summary>
    public double Rate { get; set; } = 20;

    /// <summary>Gets or sets how long the load lasts.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets the most requests in flight; arrivals beyond it are dropped and counted.</summary>
    public int MaxConcurrency { get; set; } = 200;
}

/// <summary>Thresholds that express the steady state.</summary>
internal sealed class Hypothesis
{
    /// <summary>Gets or sets the least share of calls that must succeed, 0..1.</summary>
    public double? MinSuccessRate { get; set; }

    /// <summary>Gets or sets the greatest p99 latency allowed.</summary>
    public TimeSpan? MaxP99 { get; set; }

    /// <summary>Gets or sets the greatest number of dropped arrivals allowed.</summary>
    public long? MaxDropped { get; set; }
}
