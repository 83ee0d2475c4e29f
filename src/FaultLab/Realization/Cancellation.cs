namespace FaultLab.Realization;

/// <summary>
/// Waits on the injected clock the way a request to a silent server waits: when the token is cancelled, the wait ends
/// with the exception <c>SocketsHttpHandler</c> throws for a cancelled read ("The operation was canceled." over the
/// socket's aborted read), never the bare "A task was canceled." of <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>.
/// <c>HttpClient</c> and Polly then wrap it exactly as they wrap the real one.
/// </summary>
internal static class Cancellation
{
    public static async Task WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw NetworkErrors.Canceled(cancellationToken);
        }
    }
}
