using FaultLab.Realization;
using Polly;
using Polly.Simmy;

namespace FaultLab.Decision;

/// <summary>
/// One fault's step in a compiled profile. Polly.Simmy decides whether it fires (the selection's rate, randomizer and
/// enabled generator); when it does, the fault's <see cref="FaultRealization"/> decides the attempt's fate: an answer
/// or an exception in place of the call, a delay before it, or a faulty body after it. Otherwise the call goes on.
/// </summary>
internal sealed class FaultStrategy(FaultRealization realization, ChaosStrategyOptions selection)
    : ChaosStrategy<HttpResponseMessage>(selection)
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext resilienceContext, TState state)
    {
        FaultAttempt attempt;
        FaultRealization realized;
        try
        {
            if (!await ShouldInjectAsync(resilienceContext).ConfigureAwait(false))
            {
                return await callback(resilienceContext, state).ConfigureAwait(false);
            }

            attempt = new FaultAttempt(resilienceContext.GetRequestMessage(), resilienceContext.CancellationToken);
            realized = realization.ForAttempt();
            if (await realized.BeforeSendAsync(attempt).ConfigureAwait(false) is { } answered)
            {
                return answered;
            }
        }
        catch (OperationCanceledException ex)
        {
            // As Polly's own chaos strategies do: a cancelled delay or hang is the attempt's outcome, not a crash.
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        var outcome = await callback(resilienceContext, state).ConfigureAwait(false);
        if (outcome.Result is { } response)
        {
            realized.OnResponse(response, attempt);
        }

        return outcome;
    }
}

/// <summary>Selection options for <see cref="FaultStrategy"/>: Polly needs a concrete options type.</summary>
internal sealed class FaultStrategyOptions : ChaosStrategyOptions;
