using FaultLab.Telemetry;
using Polly;

namespace FaultLab.Pipeline;

/// <summary>
/// The innermost handler: runs the request through the fault pipeline just above the primary handler, so every
/// resilience handler above it sees an injected fault exactly as it would see one from the network.
/// </summary>
internal sealed class FaultInjectionHandler : DelegatingHandler
{
    private readonly Func<FaultPipeline?> _pipeline;
    private readonly FaultTelemetry _telemetry;
    private readonly string _clientName;
    private readonly ProductionGuard _guard;

    public FaultInjectionHandler(Func<FaultPipeline?> pipeline, FaultTelemetry telemetry, string clientName, ProductionGuard guard)
    {
        _pipeline = pipeline;
        _telemetry = telemetry;
        _clientName = clientName;
        _guard = guard;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // No pipeline (disabled, refused in Production) or no fault that could fire: pass through untouched and unwrapped.
        if (_pipeline() is not { } pipeline)
        {
            _guard.ExplainRefusalOnce();
            return SendInnerAsync(request, cancellationToken);
        }

        return pipeline.MightInject(request)
            ? SendThroughAsync(pipeline.Pipeline, request, cancellationToken)
            : SendInnerAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendThroughAsync(ResiliencePipeline<HttpResponseMessage> pipeline,
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.SetRequestMessage(request);
        try
        {
            Outcome<HttpResponseMessage> outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendInnerAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            // Stryker disable once Statement : returning the context only lets the pool reuse it; an unreturned one is collected
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The request really goes to the dependency: counted, so retry amplification can be measured.</summary>
    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _telemetry.RecordForwarded(_clientName);
        return base.SendAsync(request, cancellationToken);
    }
}
