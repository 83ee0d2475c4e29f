using Microsoft.Extensions.Logging;

namespace FaultLab.Load;

/// <summary>What the init and clean callbacks of a scenario receive.</summary>
public sealed class ScenarioInitContext
{
    internal ScenarioInitContext(string scenarioName, CancellationToken cancellationToken, ILogger logger)
    {
        ScenarioName = scenarioName;
        CancellationToken = cancellationToken;
        Logger = logger;
    }

    /// <summary>Gets the scenario being initialised or cleaned.</summary>
    public string ScenarioName { get; }

    /// <summary>Gets the token cancelled when the whole run is cancelled.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets the logger for the callback.</summary>
    public ILogger Logger { get; }
}
