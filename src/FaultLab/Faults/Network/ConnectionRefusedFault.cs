using FaultLab.Realization;

namespace FaultLab;

/// <summary>Nothing listens on the port: <see cref="HttpRequestException"/> with
/// <see cref="HttpRequestError.ConnectionError"/> over a <c>SocketException(ConnectionRefused)</c>.</summary>
public sealed class ConnectionRefusedFault : ExceptionFault
{
    /// <inheritdoc/>
    public override string Kind => "ConnectionRefused";

    internal override Exception CreateException(HttpRequestMessage? request) => NetworkErrors.ConnectionRefused(request?.RequestUri);
}
