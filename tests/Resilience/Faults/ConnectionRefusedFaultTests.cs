using System.Net.Http;
using System.Net.Sockets;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class ConnectionRefusedFaultTests
{
    [Fact]
    public async Task Throws_the_SocketsHttpHandler_connection_refused_shape()
    {
        using var clients = Clients.Create(f => f.AddConnectionRefused());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/orders"));

        NetworkFaultsShapes.AssertHttpRequestException(ex, HttpRequestError.ConnectionError, "Connection refused (orders.internal:8080)");
        var socket = NetworkFaultsShapes.AssertSocketInner(ex.InnerException!, SocketError.ConnectionRefused);
        Assert.Equal("Connection refused", socket.Message);
        NetworkFaultsShapes.AssertInjected(ex, "ConnectionRefused");
        Assert.Equal(0, clients.Upstream.Calls);
    }
}
