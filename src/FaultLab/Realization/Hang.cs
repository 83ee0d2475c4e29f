using Polly;

namespace FaultLab.Realization;

/// <summary>Never answers: waits on the attempt's token only, so whoever cancels (<c>HttpClient.Timeout</c>, a Polly
/// timeout, the caller) produces exactly the exception a real silent server produces under it.</summary>
/// <param name="context">Where the injection is reported.</param>
internal sealed class Hang(RealizationContext context) : FaultRealization
{
    public override async ValueTask<Outcome<HttpResponseMessage>?> BeforeSendAsync(FaultAttempt attempt)
    {
        context.Report.Injected(attempt.Request);
        await Cancellation.WaitAsync(Timeout.InfiniteTimeSpan, context.Clock, attempt.CancellationToken).ConfigureAwait(false);
        return null; // unreachable: an infinite wait only ends by cancellation
    }
}
