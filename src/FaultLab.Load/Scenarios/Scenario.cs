namespace FaultLab.Load;

/// <summary>
/// A named step function plus its load, warm-up and thresholds.
/// </summary>
/// <remarks>
/// The fluent <c>With…</c> methods change this instance and return it, so a call whose result is ignored still
/// takes effect (NBomber #632: immutable builders silently dropped such settings). Each method validates its
/// argument immediately, and the runner rejects a scenario without load simulations.
/// </remarks>
public sealed class Scenario
{
    private readonly List<LoadSimulation> _simulations = [];
    private readonly List<Threshold> _thresholds = [];

    private Scenario(string name, Func<ScenarioContext, Task<Response>> step)
    {
        Name = name;
        Step = step;
    }

    /// <summary>Gets the unique scenario name within a run.</summary>
    public string Name { get; }

    /// <summary>Gets the step run once per iteration.</summary>
    public Func<ScenarioContext, Task<Response>> Step { get; }

    /// <summary>Gets the callback run once before warm-up, or null.</summary>
    public Func<ScenarioInitContext, Task>? Init { get; private set; }

    /// <summary>Gets the callback run once after the last iteration has completed, or null.</summary>
    public Func<ScenarioInitContext, Task>? Clean { get; private set; }

    /// <summary>Gets the warm-up duration: the first simulation's load is run this long, uncounted, before measuring. Defaults to zero (no warm-up).</summary>
    public TimeSpan WarmUpDuration { get; private set; }

    /// <summary>Gets the open-model cap on iterations in flight; an arrival that finds the cap reached is dropped. Defaults to 10,000.</summary>
    public int MaxConcurrency { get; private set; } = 10_000;

    /// <summary>
    /// Gets a value indicating whether a failed step (<see cref="ScenarioContext.RunStepAsync"/>) ends its iteration as failed and skips
    /// the remaining steps. Defaults to true.
    /// </summary>
    public bool RestartIterationOnFail { get; private set; } = true;

    /// <summary>
    /// Gets the number of failed iterations after which the scenario is aborted (its result names the reason);
    /// null, the default, never aborts for failures.
    /// </summary>
    public long? MaxFailCount { get; private set; }

    /// <summary>Gets the load phases, run in order.</summary>
    public IReadOnlyList<LoadSimulation> LoadSimulations => _simulations;

    /// <summary>Gets the rules evaluated on the scenario's statistics.</summary>
    public IReadOnlyList<Threshold> Thresholds => _thresholds;

    /// <summary>Creates a scenario.</summary>
    /// <param name="name">Unique, non-empty scenario name.</param>
    /// <param name="step">The step function run once per iteration.</param>
    public static Scenario Create(string name, Func<ScenarioContext, Task<Response>> step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        ArgumentNullException.ThrowIfNull(step);
        return new Scenario(name, step);
    }

    /// <summary>Sets the callback run once before warm-up.</summary>
    /// <param name="init">The callback.</param>
    public Scenario WithInit(Func<ScenarioInitContext, Task> init)
    {
        ArgumentNullException.ThrowIfNull(init);
        Init = init;
        return this;
    }

    /// <summary>Sets the callback run once after the last iteration.</summary>
    /// <param name="clean">The callback.</param>
    public Scenario WithClean(Func<ScenarioInitContext, Task> clean)
    {
        ArgumentNullException.ThrowIfNull(clean);
        Clean = clean;
        return this;
    }

    /// <summary>Sets the uncounted warm-up duration (zero disables warm-up).</summary>
    /// <param name="duration">Zero or positive duration.</param>
    public Scenario WithWarmUpDuration(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);

        WarmUpDuration = duration;
        return this;
    }

    /// <summary>Replaces the load phases; they run in the given order.</summary>
    /// <param name="simulations">At least one simulation.</param>
    public Scenario WithLoadSimulations(params LoadSimulation[] simulations)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        if (simulations.Length == 0)
        {
            throw new ArgumentException("LoadSimulations must contain at least one simulation.", nameof(simulations));
        }

        if (simulations.Any(s => s is null))
        {
            throw new ArgumentException("LoadSimulations must not contain null.", nameof(simulations));
        }

        _simulations.Clear();
        _simulations.AddRange(simulations);
        return this;
    }

    /// <summary>Adds thresholds evaluated on this scenario's statistics.</summary>
    /// <param name="thresholds">The rules.</param>
    public Scenario WithThresholds(params Threshold[] thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Any(t => t is null))
        {
            throw new ArgumentException("Thresholds must not contain null.", nameof(thresholds));
        }

        _thresholds.AddRange(thresholds);
        return this;
    }

    /// <summary>Caps iterations in flight for open-model phases; arrivals beyond the cap are counted as dropped.</summary>
    /// <param name="maxConcurrency">Positive cap.</param>
    public Scenario WithMaxConcurrency(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrency);

        MaxConcurrency = maxConcurrency;
        return this;
    }

    /// <summary>Sets whether a failed step ends its iteration (true, the default) or returns its failed response to the code.</summary>
    /// <param name="restart">True to end the iteration on a failed step.</param>
    public Scenario WithRestartIterationOnFail(bool restart)
    {
        RestartIterationOnFail = restart;
        return this;
    }

    /// <summary>Aborts the scenario once <paramref name="maxFailCount"/> measured iterations have failed.</summary>
    /// <param name="maxFailCount">Positive limit.</param>
    public Scenario WithMaxFailCount(long maxFailCount)
    {
        if (maxFailCount <= 0)
        {
            throw new ArgumentException($"MaxFailCount must be positive, was {maxFailCount}.", nameof(maxFailCount));
        }

        MaxFailCount = maxFailCount;
        return this;
    }
}
