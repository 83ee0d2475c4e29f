using FaultLab.Catalog;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>The host name does not resolve: <see cref="HttpRequestException"/> with
/// <see cref="HttpRequestError.NameResolutionError"/> over a <c>SocketException(HostNotFound)</c>.</summary>
[FaultKind("HttpRequestException \"Name or service not known (host:port)\", NameResolutionError, over SocketException(HostNotFound).")]
public sealed class DnsFailureFault : ExceptionFault
{

    internal override Exception CreateException(HttpRequestMessage? request) => NetworkErrors.NameResolution(request?.RequestUri);
}
