namespace FaultLab.Load.NBomber.Contracts;

/// <summary>
/// A scenario's definition, as NBomber's <c>ScenarioProps</c>: immutable, so every <c>With…</c> returns a new
/// instance and a call whose result is dropped has no effect — exactly as with NBomber.
/// </summary>
public sealed record ScenarioProps
{
    /// <summary>Gets the scenario name.</summary>
    public required string ScenarioName { get; init; }

    /// <summary>Gets the init callback.</summary>
    public Func<IScenarioInitContext, Task>? Init { get; init; }

    /// <summary>Gets the clean callback.</summary>
    public Func<IScenarioInitContext, Task>? Clean { get; init; }

    /// <summary>Gets the iteration function; null for an empty scenario (init and clean only).</summary>
    public Func<IScenarioContext, Task<IResponse>>? Run { get; init; }

    /// <summary>Gets the warm-up duration; null disables warm-up. Defaults to 30 s, as NBomber's.</summary>
    public TimeSpan? WarmUpDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the load simulations. Defaults to one copy for one minute, as NBomber's.</summary>
    public IReadOnlyList<LoadSimulation> LoadSimulations { get; init; } =
        [new LoadSimulation(LoadSimulationType.KeepConstant, copies: 1, during: TimeSpan.FromMinutes(1))];

    /// <summary>Gets the thresholds.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Gets whether a failed step ends the iteration. Defaults to true.</summary>
    public bool RestartIterationOnFail { get; init; } = true;

    /// <summary>Gets the failed iterations after which the scenario is aborted. Defaults to 5 000, as NBomber's.</summary>
    public int MaxFailCount { get; init; } = 5_000;

    /// <summary>Gets the scenario weight; not supported (setting it fails at build-up).</summary>
    public int? Weight { get; init; }
}
