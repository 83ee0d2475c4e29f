using FaultLab.Pipeline;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Fault;

namespace FaultLab;

/// <summary>
/// A fault the caller sees as an exception thrown from <c>SendAsync</c> before any response, exactly as the
/// default <c>SocketsHttpHandler</c> throws it. Each derived kind says which exception; a fresh one per request.
/// </summary>
public abstract class ExceptionFault : Fault
{
    private protected ExceptionFault()
    {
    }

    /// <summary>Creates the exception for <paramref name="request"/>.</summary>
    internal abstract Exception CreateException(HttpRequestMessage? request);

    internal override void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FaultContext context) =>
        pipeline.AddChaosFault(context.Select(new ChaosFaultStrategyOptions
        {
            FaultGenerator = args =>
            {
                Exception exception = CreateException(args.Context.GetRequestMessage());
                context.Report(args.Context, exception: exception);
                return new ValueTask<Exception?>(exception);
            },
        }));
}
