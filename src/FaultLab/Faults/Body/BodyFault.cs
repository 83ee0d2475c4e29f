using FaultLab.Pipeline;
using Polly;

namespace FaultLab;

/// <summary>
/// A fault in the real upstream response's body. The request reaches the dependency; the response's content is
/// wrapped so the failure happens while the caller reads it, after every handler has returned — so, like a real
/// body failure, it is never retried by a resilience handler.
/// </summary>
public abstract class BodyFault : Fault
{
    private protected BodyFault()
    {
    }

    /// <summary>Wraps the upstream content in the faulty one.</summary>
    internal abstract HttpContent Wrap(HttpContent original, FaultContext context);

    internal override void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FaultContext context) =>
        pipeline.AddStrategy(_ => new BodyChaosStrategy(this, context), new BodyChaosStrategyOptions());
}
