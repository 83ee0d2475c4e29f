using FaultLab.Configuration;
using FaultLab.Pipeline;
using FaultLab.Realization;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Outcomes;

namespace FaultLab;

/// <summary>
/// The connection is not established within <c>SocketsHttpHandler.ConnectTimeout</c>: after <see cref="Timeout"/>
/// on the injected clock, a <see cref="TaskCanceledException"/> over a <see cref="TimeoutException"/>, with the
/// <c>Source</c> the standard retry predicate requires.
/// </summary>
public sealed class ConnectTimeoutFault : Fault
{
    /// <inheritdoc/>
    public override string Kind => "ConnectTimeout";

    /// <summary>Gets or sets how long the connect attempt lasts before it fails. Defaults to 15 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (Timeout < TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(Timeout)]}: must not be negative (was {Timeout}).");
        }
    }

    internal override void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FaultContext context) =>
        pipeline.AddChaosOutcome(context.Select(new ChaosOutcomeStrategyOptions<HttpResponseMessage>
        {
            OutcomeGenerator = async args =>
            {
                // Cancellation during the wait surfaces as the caller's own cancellation, like a real connect.
                await Task.Delay(Timeout, context.TimeProvider, args.Context.CancellationToken).ConfigureAwait(false);
                var exception = NetworkErrors.ConnectTimeout();
                context.Report(args.Context, exception: exception);
                return Outcome.FromException<HttpResponseMessage>(exception);
            },
        }));
}
