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

    /// <summary>Gets the scenario this invocation belongs to.</summary>
    public string ScenarioName { get; }

    /// <summary>Gets the zero-based invocation number within the scenario (warm-up and measured runs count separately).</summary>
    public long Iteration { get; }

    /// <summary>Gets the zero-based copy (virtual user) number; in the open model, the concurrency slot in use.</summary>
    public int CopyNumber { get; }

    /// <summary>Gets the time since the scenario's measured run (or warm-up) began, at the intended start of this iteration.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets a value indicating whether the scenario is warming up; such iterations are not counted.</summary>
    public bool IsWarmUp { get; }

    /// <summary>Gets the token cancelled when the run is aborted or the drain timeout after the last phase expires.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets the logger for the step.</summary>
    public ILogger Logger { get; }
}
