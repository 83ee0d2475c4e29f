using FaultLab.Pipeline;
using Polly;
using Polly.Simmy;

namespace FaultLab;

/// <summary>Polly's chaos selection (rate, enabled generator) around a call whose response body is then faulted.</summary>
internal sealed class BodyChaosStrategy(BodyFault fault, FaultContext context)
    : ChaosStrategy<HttpResponseMessage>(context.Select(new BodyChaosStrategyOptions()))
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext resilienceContext, TState state)
    {
        bool inject = await ShouldInjectAsync(resilienceContext).ConfigureAwait(false);
        var outcome = await callback(resilienceContext, state).ConfigureAwait(false);
        if (inject && outcome.Result is { } response)
        {
            response.Content = fault.Wrap(response.Content, context);
            context.Report(resilienceContext, (int)response.StatusCode);
        }

        return outcome;
    }
}

/// <summary>Selection options for <see cref="BodyChaosStrategy"/>; Polly needs a concrete options type.</summary>
internal sealed class BodyChaosStrategyOptions : ChaosStrategyOptions;
