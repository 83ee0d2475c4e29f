using System.Net;
using System.Net.Sockets;

namespace FaultLab.Proxy.Tests;

public sealed class LoopbackBindingTests
{
    [Fact]
    public async Task The_proxy_listens_on_127_0_0_1_only()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [] } }""");

        Assert.Equal("127.0.0.1", proxy.Address.Host);
        Assert.NotEqual(0, proxy.Address.Port);

        // Every other address of this machine refuses the port: IPv6 loopback and each network interface.
        var others = NetworkInterfacesAddresses().Append(IPAddress.IPv6Loopback).Where(a => !a.Equals(IPAddress.Loopback)).ToList();
        foreach (var address in others)
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var error = await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(address, proxy.Address.Port));
            Assert.True(error.SocketErrorCode is SocketError.ConnectionRefused or SocketError.AddressNotAvailable or SocketError.NetworkUnreachable,
                $"{address}: {error.SocketErrorCode}");
        }

        using var loopback = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await loopback.ConnectAsync(IPAddress.Loopback, proxy.Address.Port);
    }

    [Fact]
    public async Task A_port_already_taken_fails_the_start_with_an_IOException()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var first = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [] } }""");

        await Assert.ThrowsAsync<IOException>(() => FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Port = first.Address.Port,
        }));
    }

    private static IEnumerable<IPAddress> NetworkInterfacesAddresses() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork || (a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal));
}
