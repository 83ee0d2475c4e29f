using FaultLab.Catalog;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// The server never answers: the call waits until the caller's token is cancelled (by <c>HttpClient.Timeout</c>,
/// a Polly timeout or the caller). It invents no timeout of its own, so the caller sees exactly what its own
/// timeout mechanism produces.
/// </summary>
[FaultKind("The call never completes until the caller's token is cancelled; the caller's own timeout decides the exception.")]
public sealed class HangFault : Fault
{

    internal override FaultRealization Realize(RealizationContext context) => new Realization.Hang(context);
}
