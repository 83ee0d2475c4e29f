using System.Net.Http;
using System.Net.Sockets;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class DnsFailureFaultTests
{
    [Fact]
    public async Task Throws_the_SocketsHttpHandler_name_resolution_shape_with_host_and_port()
    {
        using var clients = Clients.Create(f => f.AddDnsFailure());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/orders"));

        NetworkFaultsShapes.AssertHttpRequestException(ex, HttpRequestError.NameResolutionError, "Name or service not known (orders.internal:8080)");
        var socket = NetworkFaultsShapes.AssertSocketInner(ex.InnerException!, SocketError.HostNotFound);
        Assert.Equal("Name or service not known", socket.Message);
        NetworkFaultsShapes.AssertInjected(ex, "DnsFailure");
        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Fact]
    public async Task Hands_out_a_new_exception_instance_every_time()
    {
        using var clients = Clients.Create(f => f.AddDnsFailure());

        var first = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/a"));
        var second = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/b"));

        Assert.NotSame(first, second);
        Assert.NotSame(first.InnerException, second.InnerException);
    }
}
