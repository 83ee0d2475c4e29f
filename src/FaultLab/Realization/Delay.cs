using Polly;

namespace FaultLab.Realization;

/// <summary>Delays the attempt on the injected clock, then sends it on; a cancelled attempt ends at cancellation with
/// what a real slow server's cancellation looks like.</summary>
/// <param name="context">Where the injection is reported.</param>
/// <param name="sample">Draws the delay for one attempt; zero or less sends the attempt on at once, unreported.</param>
internal sealed class Delay(RealizationContext context, Func<TimeSpan> sample) : FaultRealization
{
    public override async ValueTask<Outcome<HttpResponseMessage>?> BeforeSendAsync(FaultAttempt attempt)
    {
        TimeSpan delay = sample();
        if (delay <= TimeSpan.Zero)
        {
            return null;
        }

        // Reported once the delay has elapsed (as Polly's chaos latency does): an attempt cancelled while it waits, such as
        // a losing hedge, was neither delayed in full nor sent, so it counts neither as injected nor as forwarded.
        await Cancellation.WaitAsync(delay, context.Clock, attempt.CancellationToken).ConfigureAwait(false);
        context.Report.Injected(attempt.Request);
        return null;
    }
}
