namespace FaultLab.Load.NBomber.CSharp;

using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Running;

/// <summary>Runs a measured step inside a scenario iteration, as NBomber's <c>Step</c>.</summary>
public static class Step
{
    /// <summary>
    /// Runs and measures one step: its statistics appear per step in <c>ScenarioStats.StepStats</c> and in every
    /// report. An exception in the step is a failure with status code "-101" and the exception's message, as in
    /// NBomber. A failed step ends the iteration unless the scenario was built with
    /// <c>WithRestartIterationOnFail(false)</c>, in which case the failed response is returned.
    /// </summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="name">The step name.</param>
    /// <param name="context">The iteration's context.</param>
    /// <param name="run">The step.</param>
    public static async Task<Response<T>> Run<T>(string name, IScenarioContext context, Func<Task<Response<T>>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        if (context is not CompatScenarioContext compat)
            throw new ArgumentException("Step.Run needs the context the scenario function received.", nameof(context));
        Response<T>? result = null;
        try
        {
            await compat.Engine.RunStepAsync(name, async () =>
            {
                result = await ResponseMapping.Guard(run, compat.ScenarioCancellationToken).ConfigureAwait(false);
                return ResponseMapping.ToEngine(result);
            }).ConfigureAwait(false);
        }
        catch (FaultLab.Load.StepFailedException failed)
        {
            // The iteration restarts. Its own outcome carries no status code: the step's code is already counted
            // with the step, and NBomber's scenario-level status codes include the steps' (counted once).
            throw new FaultLab.Load.StepFailedException(failed.StepName,
                FaultLab.Load.Response.Create(false, null, message: $"step '{failed.StepName}' failed: {failed.Response.Message}"));
        }
        return result!;
    }
}
