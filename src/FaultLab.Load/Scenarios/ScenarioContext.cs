using Microsoft.Extensions.Logging;

namespace FaultLab.Load;

/// <summary>What a step invocation knows about itself.</summary>
public sealed class ScenarioContext
{
    internal ScenarioContext(string scenarioName, long iteration, int copyNumber, TimeSpan elapsed,
        bool isWarmUp, CancellationToken cancellationToken, ILogger logger)
    {
        ScenarioName = scenarioName;
        Iteration = iteration;
        CopyNumber = copyNumber;
        Elapsed = elapsed;
        IsWarmUp = isWarmUp;
        CancellationToken = cancellationToken;
        Logger = logger;
    }

    /// <summary>The scenario this invocation belongs to.</summary>
    public string ScenarioName { get; }

    /// <summary>Zero-based invocation number within the scenario (warm-up and measured runs count separately).</summary>
    public long Iteration { get; }

    /// <summary>Zero-based copy (virtual user) number; in the open model, the concurrency slot in use.</summary>
    public int CopyNumber { get; }

    /// <summary>Time since the scenario's measured run (or warm-up) began, at the intended start of this iteration.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True while the scenario is warming up; such iterations are not counted.</summary>
    public bool IsWarmUp { get; }

    /// <summary>Cancelled when the run is aborted or the drain timeout after the last phase expires.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Logger for the step.</summary>
    public ILogger Logger { get; }
}
