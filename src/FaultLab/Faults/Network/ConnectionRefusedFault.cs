using FaultLab.Catalog;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>Nothing listens on the port: <see cref="HttpRequestException"/> with
/// <see cref="HttpRequestError.ConnectionError"/> over a <c>SocketException(ConnectionRefused)</c>.</summary>
[FaultKind("HttpRequestException \"Connection refused (host:port)\", ConnectionError, over SocketException(ConnectionRefused).")]
public sealed class ConnectionRefusedFault : ExceptionFault
{

    internal override Exception CreateException(HttpRequestMessage? request) => NetworkErrors.ConnectionRefused(request?.RequestUri);
}
