namespace FaultLab.Load.NBomber.Contracts;

/// <summary>What a scenario copy knows about itself, as NBomber's <c>ScenarioInfo</c>.</summary>
public sealed record ScenarioInfo
{
    /// <summary>Gets the copy's id (scenario name and instance number).</summary>
    public required string InstanceId { get; init; }

    /// <summary>
    /// Gets the copy number: the closed-model copy, or in the open model the concurrency slot the iteration runs in
    /// (NBomber reuses copies the same way).
    /// </summary>
    public int InstanceNumber { get; init; }

    /// <summary>Gets the scenario name.</summary>
    public required string ScenarioName { get; init; }

    /// <summary>Gets the planned duration of the load simulations (zero when iteration-bound).</summary>
    public TimeSpan ScenarioDuration { get; init; }

    /// <summary>Gets the current operation: warm-up or bombing (init and clean in the init context).</summary>
    public ScenarioOperation ScenarioOperation { get; init; }

    /// <summary>Gets the copy id under its old name.</summary>
    [Obsolete("Please use InstanceId instead")]
    public string ThreadId => InstanceId;

    /// <summary>Gets the copy number under its old name.</summary>
    [Obsolete("Please use InstanceNumber instead")]
    public int ThreadNumber => InstanceNumber;
}

/// <summary>The phase a scenario is in.</summary>
public enum ScenarioOperation
{
    /// <summary>Running the init callback.</summary>
    Init = 0,
    /// <summary>Running the clean callback.</summary>
    Clean = 1,
    /// <summary>Warming up (uncounted).</summary>
    WarmUp = 2,
    /// <summary>The measured run.</summary>
    Bombing = 3,
}

/// <summary>A scenario's partition in a cluster; always 1 of 1 here (no cluster mode).</summary>
/// <param name="Number">The partition number.</param>
/// <param name="Count">The partition count.</param>
public sealed record ScenarioPartition(int Number, int Count)
{
    /// <summary>Gets the single partition of a single node.</summary>
    public static ScenarioPartition Empty { get; } = new(1, 1);
}
