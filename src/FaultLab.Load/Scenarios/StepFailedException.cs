namespace FaultLab.Load;

/// <summary>
/// Thrown by <see cref="ScenarioContext.RunStepAsync"/> when a step fails and the scenario restarts iterations on
/// failure (<see cref="Scenario.RestartIterationOnFail"/>, the default): the rest of the iteration is skipped and
/// the iteration is recorded with the failed step's response. Let it propagate out of the step function.
/// </summary>
public sealed class StepFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stepName">The step that failed.</param>
    /// <param name="response">Its failed response.</param>
    public StepFailedException(string stepName, Response response)
        : base($"Step '{stepName}' failed{(response?.Message is { Length: > 0 } m ? ": " + m : "")}; the iteration is restarted.")
    {
        ArgumentNullException.ThrowIfNull(response);
        StepName = stepName;
        Response = response;
    }

    /// <summary>Gets the name of the step that failed.</summary>
    public string StepName { get; }

    /// <summary>Gets the failed response, which becomes the iteration's outcome.</summary>
    public Response Response { get; }
}
