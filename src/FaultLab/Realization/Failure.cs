using Polly;

namespace FaultLab.Realization;

/// <summary>Fails the attempt with the exception <c>SocketsHttpHandler</c> would throw (DNS, refused, reset, connect
/// timeout), optionally after a wait on the injected clock; a fresh exception per attempt.</summary>
/// <param name="context">Where the injection is reported.</param>
/// <param name="create">Makes the exception for a request.</param>
/// <param name="after">How long the attempt lasts before it fails (a connect timeout); zero fails at once.</param>
internal sealed class Failure(RealizationContext context, Func<HttpRequestMessage?, Exception> create, TimeSpan after = default)
    : FaultRealization
{
    public override ValueTask<Outcome<HttpResponseMessage>?> BeforeSendAsync(FaultAttempt attempt) =>
        after > TimeSpan.Zero ? FailLaterAsync(attempt) : new(Fail(attempt));

    private async ValueTask<Outcome<HttpResponseMessage>?> FailLaterAsync(FaultAttempt attempt)
    {
        await Cancellation.WaitAsync(after, context.Clock, attempt.CancellationToken).ConfigureAwait(false);
        return Fail(attempt);
    }

    private Outcome<HttpResponseMessage> Fail(FaultAttempt attempt)
    {
        Exception exception = create(attempt.Request);
        context.Report.Injected(attempt.Request, exception: exception);
        return Outcome.FromException<HttpResponseMessage>(exception);
    }
}
