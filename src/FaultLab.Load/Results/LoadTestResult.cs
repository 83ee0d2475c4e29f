namespace FaultLab.Load;

/// <summary>The outcome of a whole run.</summary>
public sealed class LoadTestResult
{
    internal LoadTestResult(DateTimeOffset startedAt, TimeSpan duration, IReadOnlyList<ScenarioResult> scenarios,
        string scheduleFingerprint = "", AgentRun? agent = null, IReadOnlyList<AgentRun>? mergedAgents = null)
    {
        StartedAt = startedAt;
        Duration = duration;
        Scenarios = scenarios;
        ScheduleFingerprint = scheduleFingerprint;
        Agent = agent;
        MergedAgents = mergedAgents ?? [];
    }

    /// <summary>
    /// Gets a digest of the scenarios' names, load phases, warm-ups, concurrency caps and thresholds: equal for every
    /// agent of one distributed run and for a single-process run of the same schedule, different otherwise.
    /// </summary>
    public string ScheduleFingerprint { get; }

    /// <summary>Gets which agent of a distributed run produced this result, or null for a single-process or merged run.</summary>
    public AgentRun? Agent { get; }

    /// <summary>Gets the agents a merged result was built from, by index; empty when the result was not merged.</summary>
    public IReadOnlyList<AgentRun> MergedAgents { get; }

    /// <summary>Gets the wall-clock start of the run.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Gets the total run time including init, warm-up, drain and clean.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan Duration { get; }

    /// <summary>Gets <see cref="Duration"/> in seconds (what the JSON report carries).</summary>
    public double DurationSeconds => Duration.TotalSeconds;

    /// <summary>Gets one result per scenario, in the order given.</summary>
    public IReadOnlyList<ScenarioResult> Scenarios { get; }

    /// <summary>
    /// Scenarios the reports set side by side (one table, overlaid charts), in this order; empty (no comparison view)
    /// unless <see cref="CompareScenarios"/> was called, typically by an enricher.
    /// </summary>
    public IReadOnlyList<string> ComparedScenarios { get; private set; } = [];

    /// <summary>Asks the reports for a comparison view of these scenarios: one table of their figures and overlaid
    /// charts over time, for runs that drive the same load against different set-ups.</summary>
    /// <param name="scenarioNames">Two or more scenario names of this result, in the order to show them.</param>
    public void CompareScenarios(params string[] scenarioNames)
    {
        ArgumentNullException.ThrowIfNull(scenarioNames);
        if (scenarioNames.Length < 2)
        {
            throw new ArgumentException($"A comparison needs at least two scenarios, got {scenarioNames.Length}.", nameof(scenarioNames));
        }

        if (scenarioNames.Distinct(StringComparer.Ordinal).Count() != scenarioNames.Length)
        {
            throw new ArgumentException("A comparison names each scenario once.", nameof(scenarioNames));
        }

        foreach (var name in scenarioNames)
        {
            _ = this[name]; // an unknown name fails here, naming it
        }

        ComparedScenarios = [.. scenarioNames];
    }

    /// <summary>Gets the files written by the report writers.</summary>
    public IReadOnlyList<string> ReportFiles { get; internal set; } = [];

    /// <summary>Gets a value indicating whether every scenario passed its thresholds and none was aborted.</summary>
    public bool Passed => Scenarios.All(s => s.Passed);

    /// <summary>Gets the process exit code for CI: 0 when passed, 1 otherwise.</summary>
    public int ExitCode => Passed ? 0 : 1;

    /// <summary>Finds a scenario's result by name.</summary>
    /// <param name="name">Scenario name.</param>
    public ScenarioResult this[string name] =>
        Scenarios.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"No scenario named '{name}' in this result.");

    /// <summary>Throws <see cref="ThresholdsFailedException"/> (message: a readable table) unless every threshold passed.</summary>
    public void EnsureThresholdsPassed()
    {
        if (!Passed)
        {
            throw new ThresholdsFailedException(this);
        }
    }
}
