namespace FaultLab.Load.NBomber.Contracts;

using FaultLab.Load.NBomber.Contracts.Stats;

/// <summary><c>Get</c>, <c>Find</c> and <c>Exists</c> on statistics arrays, as NBomber's <c>StatsExtensions</c>.</summary>
public static class StatsExtensions
{
    /// <summary>Gets a status code's statistics; throws when absent.</summary>
    /// <param name="statusCodes">The statistics.</param>
    /// <param name="statusCode">The code.</param>
    public static StatusCodeStats Get(this StatusCodeStats[] statusCodes, string statusCode) =>
        Find(statusCodes, statusCode) ?? throw new KeyNotFoundException($"Status code '{statusCode}' is not found.");

    /// <summary>Finds a status code's statistics, or null.</summary>
    /// <param name="statusCodes">The statistics.</param>
    /// <param name="statusCode">The code.</param>
    public static StatusCodeStats? Find(this StatusCodeStats[] statusCodes, string statusCode)
    {
        ArgumentNullException.ThrowIfNull(statusCodes);
        return Array.Find(statusCodes, s => s.StatusCode == statusCode);
    }

    /// <summary>True when the status code is present.</summary>
    /// <param name="statusCodes">The statistics.</param>
    /// <param name="statusCode">The code.</param>
    public static bool Exists(this StatusCodeStats[] statusCodes, string statusCode) => Find(statusCodes, statusCode) is not null;

    /// <summary>Gets a scenario's statistics; throws when absent.</summary>
    /// <param name="scenarioStats">The statistics.</param>
    /// <param name="name">The scenario.</param>
    public static ScenarioStats Get(this ScenarioStats[] scenarioStats, string name) =>
        Find(scenarioStats, name) ?? throw new KeyNotFoundException($"Scenario '{name}' is not found.");

    /// <summary>Finds a scenario's statistics, or null.</summary>
    /// <param name="scenarioStats">The statistics.</param>
    /// <param name="name">The scenario.</param>
    public static ScenarioStats? Find(this ScenarioStats[] scenarioStats, string name)
    {
        ArgumentNullException.ThrowIfNull(scenarioStats);
        return Array.Find(scenarioStats, s => s.ScenarioName == name);
    }

    /// <summary>True when the scenario is present.</summary>
    /// <param name="scenarioStats">The statistics.</param>
    /// <param name="name">The scenario.</param>
    public static bool Exists(this ScenarioStats[] scenarioStats, string name) => Find(scenarioStats, name) is not null;

    /// <summary>Gets a step's statistics; throws when absent.</summary>
    /// <param name="stepStats">The statistics.</param>
    /// <param name="name">The step.</param>
    public static StepStats Get(this StepStats[] stepStats, string name) =>
        Find(stepStats, name) ?? throw new KeyNotFoundException($"Step '{name}' is not found.");

    /// <summary>Finds a step's statistics, or null.</summary>
    /// <param name="stepStats">The statistics.</param>
    /// <param name="name">The step.</param>
    public static StepStats? Find(this StepStats[] stepStats, string name)
    {
        ArgumentNullException.ThrowIfNull(stepStats);
        return Array.Find(stepStats, s => s.StepName == name);
    }

    /// <summary>True when the step is present.</summary>
    /// <param name="stepStats">The statistics.</param>
    /// <param name="name">The step.</param>
    public static bool Exists(this StepStats[] stepStats, string name) => Find(stepStats, name) is not null;
}
