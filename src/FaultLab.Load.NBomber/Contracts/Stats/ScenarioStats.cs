namespace FaultLab.Load.NBomber.Contracts.Stats;

/// <summary>One scenario's statistics, as NBomber's <c>ScenarioStats</c>.</summary>
public sealed record ScenarioStats
{
    /// <summary>Gets the scenario name.</summary>
    public required string ScenarioName { get; init; }
    /// <summary>Gets the successful iterations.</summary>
    public required MeasurementStats Ok { get; init; }
    /// <summary>Gets the failed iterations.</summary>
    public required MeasurementStats Fail { get; init; }
    /// <summary>Gets the steps, in the order they first ran.</summary>
    public StepStats[] StepStats { get; init; } = [];
    /// <summary>Gets the last load simulation.</summary>
    public required LoadSimulationStats LoadSimulationStats { get; init; }
    /// <summary>Gets the scenario's operation when the statistics were taken.</summary>
    public OperationType CurrentOperation { get; init; }
    /// <summary>Gets all completed iterations.</summary>
    public int AllRequestCount { get; init; }
    /// <summary>Gets the successful iterations.</summary>
    public int AllOkCount { get; init; }
    /// <summary>Gets the failed iterations.</summary>
    public int AllFailCount { get; init; }
    /// <summary>Gets the bytes of the iterations' own responses plus those of their steps.</summary>
    public long AllBytes { get; init; }
    /// <summary>Gets the measured duration.</summary>
    public TimeSpan Duration { get; init; }
    /// <summary>Gets the scenario's position in the run.</summary>
    public int SortIndex { get; init; }
}

/// <summary>A report file written by the run, as NBomber's <c>ReportFile</c>.</summary>
/// <param name="FilePath">The path.</param>
/// <param name="ReportFormat">The format.</param>
/// <param name="ReportContent">The file's content.</param>
public sealed record ReportFile(string FilePath, ReportFormat ReportFormat, string ReportContent);

/// <summary>A threshold's verdict, as NBomber's <c>ThresholdResult</c>.</summary>
/// <param name="ScenarioName">The scenario.</param>
/// <param name="StepName">The step; empty for a scenario threshold.</param>
/// <param name="CheckExpression">The check's source text.</param>
/// <param name="ExceptionMsg">The message of an exception the check threw (it then failed); empty otherwise.</param>
/// <param name="ErrorCount">How many checks failed (run-time checks plus the final one).</param>
/// <param name="IsFailed">Whether the threshold failed: the final check failed, or it aborted the scenario.</param>
public sealed record ThresholdResult(string ScenarioName, string StepName, string CheckExpression, string ExceptionMsg, int ErrorCount, bool IsFailed);

/// <summary>The run's statistics, as NBomber's <c>NodeStats</c> returned by <c>NBomberRunner.Run()</c>.</summary>
public sealed record NodeStats
{
    /// <summary>Gets the scenarios' statistics.</summary>
    public ScenarioStats[] ScenarioStats { get; init; } = [];
    /// <summary>Gets the thresholds' verdicts.</summary>
    public ThresholdResult[] Thresholds { get; init; } = [];
    /// <summary>Gets the node.</summary>
    public NodeInfo NodeInfo { get; init; } = new();
    /// <summary>Gets the test.</summary>
    public TestInfo TestInfo { get; init; } = new();
    /// <summary>Gets the report files written.</summary>
    public ReportFile[] ReportFiles { get; init; } = [];
    /// <summary>Gets all completed iterations.</summary>
    public int AllRequestCount { get; init; }
    /// <summary>Gets all successful iterations.</summary>
    public int AllOkCount { get; init; }
    /// <summary>Gets all failed iterations.</summary>
    public int AllFailCount { get; init; }
    /// <summary>Gets all bytes (iterations and steps).</summary>
    public long AllBytes { get; init; }
    /// <summary>Gets the whole run's duration.</summary>
    public TimeSpan Duration { get; init; }
    /// <summary>
    /// Gets FaultLab.Load's own result behind these statistics: the honest latency, coordinated-omission
    /// correction, dropped arrivals, timeline and thresholds.
    /// </summary>
    public LoadTestResult? FaultLabResult { get; init; }
}
