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

    /// <summary>The pass this iteration belongs to; null for a context built outside the engine.</summary>
    internal ScenarioRun? Run { get; init; }

    /// <summary>
    /// Runs one named step of the iteration and records it in the scenario's per-step statistics (every report
    /// shows them). The step is timed from its actual start to its completion; the iteration as a whole is still
    /// timed from its intended start, so generator lag shows in the scenario figures, not in the first step. An
    /// exception thrown by the step counts as a failed run. When the step fails and the scenario restarts
    /// iterations on failure (the default), a <see cref="StepFailedException"/> ends the iteration, which is then
    /// recorded with the step's response; otherwise the failed response is returned for the code to handle.
    /// </summary>
    /// <param name="name">Step name, non-empty; steps of the same name share statistics.</param>
    /// <param name="step">The step.</param>
    public async Task<Response> RunStepAsync(string name, Func<Task<Response>> step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(step);
        var run = Run ?? throw new InvalidOperationException("RunStepAsync works only inside an iteration started by the load engine.");
        var start = run.Time.GetTimestamp();
        Response response;
        try
        {
            response = await step().ConfigureAwait(false) ?? Response.Fail(message: "step returned null");
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw; // the run is ending: the iteration decides how it is counted
        }
        catch (Exception ex) when (ex is not StepFailedException)
        {
            response = Response.Fail(message: $"{ex.GetType().Name}: {ex.Message}");
        }
        run.Recorder.RecordStep(name, response, run.Time.GetElapsedTime(start, run.Time.GetTimestamp()));
        if (!response.IsSuccess && run.Scenario.RestartIterationOnFail)
        {
            throw new StepFailedException(name, response);
        }

        return response;
    }
}
