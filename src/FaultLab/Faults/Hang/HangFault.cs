using FaultLab.Pipeline;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Outcomes;

namespace FaultLab;

/// <summary>
/// The server never answers: the call waits until the caller's token is cancelled (by <c>HttpClient.Timeout</c>,
/// a Polly timeout or the caller). It invents no timeout of its own, so the caller sees exactly what its own
/// timeout mechanism produces.
/// </summary>
public sealed class HangFault : Fault
{
    /// <inheritdoc/>
    public override string Kind => "Hang";

    internal override void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FaultContext context) =>
        pipeline.AddChaosOutcome(context.Select(new ChaosOutcomeStrategyOptions<HttpResponseMessage>
        {
            OutcomeGenerator = async args =>
            {
                context.Report(args.Context);
                await Task.Delay(Timeout.InfiniteTimeSpan, context.TimeProvider, args.Context.CancellationToken).ConfigureAwait(false);
                return null; // unreachable: an infinite delay only ends by cancellation
            },
        }));
}
