using FaultLab.Realization;

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

    internal override FaultRealization Realize(RealizationContext context) => new Failure(context, CreateException);
}
