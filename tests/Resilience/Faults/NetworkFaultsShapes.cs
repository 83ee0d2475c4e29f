using System.Net.Http;
using System.Net.Sockets;

namespace FaultLab.Tests.Faults;

/// <summary>Asserts the exception chains measured from real SocketsHttpHandler failures (shared/design/FAULTS.md).</summary>
internal static class NetworkFaultsShapes
{
    /// <summary>Injected exceptions carry a FaultLab marker in Data naming their kind, where no resilience predicate looks.</summary>
    public static void AssertInjected(Exception exception, string kind) =>
        Assert.Equal(kind, exception.Data[InjectedFault.ExceptionDataKey]);

    public static SocketException AssertSocketInner(Exception exception, SocketError error)
    {
        var socket = Assert.IsType<SocketException>(exception);
        Assert.Equal(error, socket.SocketErrorCode);
        return socket;
    }

    public static HttpRequestException AssertHttpRequestException(Exception exception, HttpRequestError error, string message)
    {
        var http = Assert.IsType<HttpRequestException>(exception);
        Assert.Equal(error, http.HttpRequestError);
        Assert.Equal(message, http.Message);
        Assert.Equal("System.Net.Http", http.Source);
        Assert.Null(http.StatusCode);
        return http;
    }
}
