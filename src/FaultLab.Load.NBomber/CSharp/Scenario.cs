namespace FaultLab.Load.NBomber.CSharp;

using FaultLab.Load.NBomber.Contracts;

/// <summary>
/// Creates and configures scenarios, as NBomber's <c>Scenario</c>. <see cref="ScenarioProps"/> is immutable: each
/// <c>With…</c> returns a new instance (chain the calls, as NBomber code does).
/// </summary>
public static class Scenario
{
    /// <summary>Creates a scenario.</summary>
    /// <param name="name">The scenario name, non-empty and unique in a run.</param>
    /// <param name="run">The iteration function.</param>
    public static ScenarioProps Create(string name, Func<IScenarioContext, Task<IResponse>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        return new ScenarioProps { ScenarioName = name, Run = run };
    }

    /// <summary>Creates a scenario that only runs its init and clean callbacks.</summary>
    /// <param name="name">The scenario name.</param>
    public static ScenarioProps Empty(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ScenarioProps { ScenarioName = name, WarmUpDuration = null, LoadSimulations = [] };
    }

    /// <summary>Sets the init callback, run once before warm-up; if it throws, the run fails.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="initFunc">The callback.</param>
    public static ScenarioProps WithInit(this ScenarioProps scenario, Func<IScenarioInitContext, Task> initFunc)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(initFunc);
        return scenario with { Init = initFunc };
    }

    /// <summary>Sets the clean callback, run once after the last iteration.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="cleanFunc">The callback.</param>
    public static ScenarioProps WithClean(this ScenarioProps scenario, Func<IScenarioInitContext, Task> cleanFunc)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(cleanFunc);
        return scenario with { Clean = cleanFunc };
    }

    /// <summary>Sets the warm-up duration (the first simulation's load, uncounted); zero disables it.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="duration">Zero or positive.</param>
    public static ScenarioProps WithWarmUpDuration(this ScenarioProps scenario, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (duration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The warm-up duration must not be negative.");
        return scenario with { WarmUpDuration = duration == TimeSpan.Zero ? null : duration };
    }

    /// <summary>Disables warm-up.</summary>
    /// <param name="scenario">The scenario.</param>
    public static ScenarioProps WithoutWarmUp(this ScenarioProps scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with { WarmUpDuration = null };
    }

    /// <summary>Replaces the load simulations; they run in order.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="loadSimulations">At least one simulation.</param>
    public static ScenarioProps WithLoadSimulations(this ScenarioProps scenario, params LoadSimulation[] loadSimulations)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(loadSimulations);
        if (loadSimulations.Length == 0 || loadSimulations.Any(s => s is null))
            throw new ArgumentException("loadSimulations must contain at least one simulation and no null.", nameof(loadSimulations));
        return scenario with { LoadSimulations = [.. loadSimulations] };
    }

    /// <summary>Sets whether a failed step ends the iteration (true, the default).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="shouldRestart">False to let the code handle failed steps (retry, fallback).</param>
    public static ScenarioProps WithRestartIterationOnFail(this ScenarioProps scenario, bool shouldRestart)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with { RestartIterationOnFail = shouldRestart };
    }

    /// <summary>Sets the failed iterations after which the scenario is aborted (default 5 000).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="maxFailCount">Positive limit.</param>
    public static ScenarioProps WithMaxFailCount(this ScenarioProps scenario, int maxFailCount)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFailCount);
        return scenario with { MaxFailCount = maxFailCount };
    }

    /// <summary>Adds thresholds, checked on the final statistics (and during the run when they abort).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="thresholds">The thresholds.</param>
    public static ScenarioProps WithThresholds(this ScenarioProps scenario, params Threshold[] thresholds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Any(t => t is null))
            throw new ArgumentException("thresholds must not contain null.", nameof(thresholds));
        return scenario with { Thresholds = [.. scenario.Thresholds, .. thresholds] };
    }

    /// <summary>Scenario weights are not supported: this throws <see cref="NotSupportedException"/> when the run is built.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="weight">The weight.</param>
    public static ScenarioProps WithWeight(this ScenarioProps scenario, int weight)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with { Weight = weight };
    }
}
