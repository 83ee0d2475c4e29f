using FaultLab.Catalog;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>The connection dies before response headers arrive. For a reset or cut in the middle of a body use
/// <see cref="TruncatedBodyFault"/>: that one happens after the handlers returned and is never retried.</summary>
[FaultKind("The connection dies before the headers: a reset (IOException over SocketException(ConnectionReset)) or a clean close (ResponseEnded).",
    Example = """{ "Phase": "ClosedBeforeHeaders" }""")]
public sealed class ConnectionResetFault : ExceptionFault
{

    /// <summary>Gets or sets how the connection dies. Defaults to <see cref="ConnectionResetPhase.ResetBeforeHeaders"/>.</summary>
    public ConnectionResetPhase Phase { get; set; } = ConnectionResetPhase.ResetBeforeHeaders;

    internal override Exception CreateException(HttpRequestMessage? request) => Phase == ConnectionResetPhase.ClosedBeforeHeaders
        ? NetworkErrors.ClosedBeforeHeaders()
        : NetworkErrors.ResetBeforeResponse();
}

/// <summary>How a connection dies before the response headers.</summary>
public enum ConnectionResetPhase
{
    /// <summary>The peer sends RST: an <see cref="IOException"/> over <c>SocketException(ConnectionReset)</c>.</summary>
    ResetBeforeHeaders,

    /// <summary>The peer closes cleanly: <see cref="HttpIOException"/> with <see cref="HttpRequestError.ResponseEnded"/>.</summary>
    ClosedBeforeHeaders,
}
