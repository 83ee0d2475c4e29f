using FaultLab.Realization;

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
    internal abstract HttpContent Wrap(HttpContent original, RealizationContext context);

    internal override FaultRealization Realize(RealizationContext context) => new BodyMutation(context, content => Wrap(content, context));
}
