using System.Net.Http;
using System.Net.Sockets;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class ConnectionResetFaultTests
{
    [Fact]
    public async Task Reset_before_headers_is_an_IOException_over_a_connection_reset_socket_error()
    {
        using var clients = Clients.Create(f => f.AddConnectionReset());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/orders"));

        NetworkFaultsShapes.AssertHttpRequestException(ex, HttpRequestError.Unknown, "An error occurred while sending the request.");
        var io = Assert.IsType<IOException>(ex.InnerException);
        Assert.Equal("Unable to read data from the transport connection: Connection reset by peer.", io.Message);
        NetworkFaultsShapes.AssertSocketInner(io.InnerException!, SocketError.ConnectionReset);
        NetworkFaultsShapes.AssertInjected(ex, "ConnectionReset");
    }

    [Fact]
    public async Task Clean_close_before_headers_is_ResponseEnded()
    {
        using var clients = Clients.Create(f => f.AddConnectionReset(phase: ConnectionResetPhase.ClosedBeforeHeaders));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/orders"));

        NetworkFaultsShapes.AssertHttpRequestException(ex, HttpRequestError.ResponseEnded, "An error occurred while sending the request.");
        var io = Assert.IsType<HttpIOException>(ex.InnerException);
        Assert.Equal(HttpRequestError.ResponseEnded, io.HttpRequestError);
        Assert.Equal("The response ended prematurely. (ResponseEnded)", io.Message);
        NetworkFaultsShapes.AssertInjected(ex, "ConnectionReset");
    }
}
