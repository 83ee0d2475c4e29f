using System.Net.Http;
using System.Net.Sockets;

namespace FaultLab.Realization;

/// <summary>
/// The exact exceptions <c>SocketsHttpHandler</c> throws for real network failures (shared/design/FAULTS.md):
/// same types, messages, <see cref="HttpRequestError"/>, inner exceptions and <see cref="Exception.Source"/>,
/// because the resilience predicates decide on exactly these. A new instance every time: never share one.
/// </summary>
internal static class NetworkErrors
{
    private const string HttpSource = "System.Net.Http";

    public static HttpRequestException NameResolution(Uri? uri) => Mark(
        new HttpRequestException(HttpRequestError.NameResolutionError, $"Name or service not known ({Endpoint(uri)})",
            new SocketException((int)SocketError.HostNotFound)), "DnsFailure");

    public static HttpRequestException ConnectionRefused(Uri? uri) => Mark(
        new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused ({Endpoint(uri)})",
            new SocketException((int)SocketError.ConnectionRefused)), "ConnectionRefused");

    public static HttpRequestException ResetBeforeResponse() => Mark(
        new HttpRequestException(HttpRequestError.Unknown, "An error occurred while sending the request.", ResetIOException()),
        "ConnectionReset");

    public static HttpRequestException ClosedBeforeHeaders() => Mark(
        new HttpRequestException(HttpRequestError.ResponseEnded, "An error occurred while sending the request.", ResponseEnded()),
        "ConnectionReset");

    /// <summary>Without <c>Source = "System.Private.CoreLib"</c> the standard retry does not treat this as transient.</summary>
    public static TaskCanceledException ConnectTimeout() => Mark(
        new TaskCanceledException("The operation was canceled.",
            new TimeoutException("A connection could not be established within the configured ConnectTimeout.")),
        "ConnectTimeout", "System.Private.CoreLib");

    /// <summary>A read cancelled while the server was silent (measured: tests/Resilience/Faults/CancellationShapeTests.cs).</summary>
    public static TaskCanceledException Canceled(CancellationToken cancellationToken) => new("The operation was canceled.",
        new IOException("Unable to read data from the transport connection: Operation canceled.",
            new SocketException((int)SocketError.OperationAborted)) { Source = "System.Net.Sockets" }, cancellationToken)
    {
        Source = HttpSource,
    };

    /// <summary>The server sent something that is not an HTTP status line.</summary>
    public static HttpRequestException InvalidStatusLine(string statusLine) => Mark(
        new HttpRequestException(HttpRequestError.InvalidResponse, $"Received an invalid status line: '{statusLine}'."),
        "InvalidResponse");

    public static IOException ResetIOException() =>
        new("Unable to read data from the transport connection: Connection reset by peer.",
            new SocketException((int)SocketError.ConnectionReset));

    public static HttpIOException ResponseEnded(long? additionalBytesExpected = null) => new(HttpRequestError.ResponseEnded,
        additionalBytesExpected is { } n
            ? $"The response ended prematurely, with at least {n} additional bytes expected."
            : "The response ended prematurely.");

    /// <summary>host:port as SocketsHttpHandler prints it.</summary>
    public static string Endpoint(Uri? uri) => uri is null ? "unknown:0" : $"{uri.IdnHost}:{uri.Port}";

    private static T Mark<T>(T exception, string kind, string source = HttpSource)
        where T : Exception
    {
        exception.Source = source;
        exception.Data[InjectedFault.ExceptionDataKey] = kind;
        return exception;
    }
}
