using Polly;

namespace FaultLab.Pipeline;

/// <summary>
/// The innermost handler: runs the request through the fault pipeline just above the primary handler, so every
/// resilience handler above it sees an injected fault exactly as it would see one from the network.
/// </summary>
internal sealed class FaultInjectionHandler : DelegatingHandler
{
    private readonly Func<ResiliencePipeline<HttpResponseMessage>?> _pipeline;

    public FaultInjectionHandler(Func<ResiliencePipeline<HttpResponseMessage>?> pipeline) => _pipeline = pipeline;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // No pipeline (disabled, refused in Production): the request passes through untouched and unwrapped.
        return _pipeline() is { } pipeline ? SendThroughAsync(pipeline, request, cancellationToken) : base.SendAsync(request, cancellationToken);
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
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
