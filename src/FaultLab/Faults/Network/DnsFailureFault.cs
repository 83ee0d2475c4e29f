using FaultLab.Realization;

namespace FaultLab;

/// <summary>The host name does not resolve: <see cref="HttpRequestException"/> with
/// <see cref="HttpRequestError.NameResolutionError"/> over a <c>SocketException(HostNotFound)</c>.</summary>
public sealed class DnsFailureFault : ExceptionFault
{
    /// <inheritdoc/>
    public override string Kind => "DnsFailure";

    internal override Exception CreateException(HttpRequestMessage? request) => NetworkErrors.NameResolution(request?.RequestUri);
}
