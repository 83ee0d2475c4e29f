namespace FaultLab.Load;

/// <summary>Statistics of one named step run inside iterations (<see cref="ScenarioContext.RunStepAsync"/>).</summary>
public sealed record StepStats
{
    /// <summary>Gets the step name.</summary>
    public required string Name { get; init; }
    /// <summary>Gets the successful runs of the step.</summary>
    public OutcomeStats Ok { get; init; } = OutcomeStats.Empty;
    /// <summary>Gets the failed runs of the step (a thrown exception counts as a failed run).</summary>
    public OutcomeStats Fail { get; init; } = OutcomeStats.Empty;
    /// <summary>Gets the number of runs of the step.</summary>
    public long Count => Ok.Count + Fail.Count;
    /// <summary>Gets Ok / Count, or 1 when the step never ran.</summary>
    public double SuccessRate => Count == 0 ? 1 : (double)Ok.Count / Count;
}
