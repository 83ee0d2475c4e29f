namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.Contracts;
using Engine = FaultLab.Load;

/// <summary>NBomber outcomes to FaultLab.Load's, and NBomber's treatment of exceptions.</summary>
internal static class ResponseMapping
{
    /// <summary>NBomber's status code for an exception thrown by a step or scenario.</summary>
    public const string UnhandledExceptionCode = "-101";

    /// <summary>NBomber's status code for an operation cancelled by the scenario's own timeout.</summary>
    public const string TimeoutCode = "-100";

    public static Engine.Response ToEngine(IResponse? response) => response is null
        ? Engine.Response.Create(false, UnhandledExceptionCode, message: "the step returned null")
        : Engine.Response.Create(!response.IsError, response.StatusCode, response.SizeBytes, response.Message);

    /// <summary>
    /// Runs <paramref name="run"/>; an exception becomes a failed response with status "-101" and its message, as
    /// NBomber records it. Cancellation of the run and FaultLab's iteration restart pass through.
    /// </summary>
    public static async Task<Response<T>> Guard<T>(Func<Task<Response<T>>> run, CancellationToken token)
    {
        try
        {
            return await run().ConfigureAwait(false)
                ?? new Response<T>(UnhandledExceptionCode, true, 0, "the step returned null", Option<T>.None);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
        catch (Engine.StepFailedException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new Response<T>(TimeoutCode, true, 0, "operation timeout", Option<T>.None); // the code's own timeout, as NBomber
        }
        catch (Exception ex)
        {
            return new Response<T>(UnhandledExceptionCode, true, 0, ex.Message, Option<T>.None);
        }
    }
}
