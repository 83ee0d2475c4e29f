namespace FaultLab.Load;

/// <summary>The outcome of a whole run.</summary>
public sealed class LoadTestResult
{
    internal LoadTestResult(DateTimeOffset startedAt, TimeSpan duration, IReadOnlyList<ScenarioResult> scenarios)
    {
        StartedAt = startedAt;
        Duration = duration;
        Scenarios = scenarios;
    }

    /// <summary>Wall-clock start of the run.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Total run time including init, warm-up, drain and clean.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan Duration { get; }

    /// <summary><see cref="Duration"/> in seconds (what the JSON report carries).</summary>
    public double DurationSeconds => Duration.TotalSeconds;

    /// <summary>One result per scenario, in the order given.</summary>
    public IReadOnlyList<ScenarioResult> Scenarios { get; }

    /// <summary>Files written by the report writers.</summary>
    public IReadOnlyList<string> ReportFiles { get; internal set; } = [];

    /// <summary>True when every scenario passed its thresholds and none was aborted.</summary>
    public bool Passed => Scenarios.All(s => s.Passed);

    /// <summary>Process exit code for CI: 0 when passed, 1 otherwise.</summary>
    public int ExitCode => Passed ? 0 : 1;

    /// <summary>Finds a scenario's result by name.</summary>
    /// <param name="name">Scenario name.</param>
    public ScenarioResult this[string name] =>
        Scenarios.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"No scenario named '{name}' in this result.");

    /// <summary>Throws <see cref="ThresholdsFailedException"/> (message: a readable table) unless every threshold passed.</summary>
    public void EnsureThresholdsPassed()
    {
        if (!Passed)
            throw new ThresholdsFailedException(this);
    }
}
