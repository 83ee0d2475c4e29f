using System.Net;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

/// <summary>The network fault kinds' settings: what their shorthands set, and what validation refuses, by name.</summary>
public sealed class NetworkFaultSettingsTests
{
    [Fact]
    public void The_shorthands_set_rate_and_their_own_settings()
    {
        var dns = Assert.IsType<DnsFailureFault>(Assert.Single(FaultErrors.Built(b => b.AddDnsFailure(0.1))));
        var refused = Assert.IsType<ConnectionRefusedFault>(Assert.Single(FaultErrors.Built(b => b.AddConnectionRefused(0.2))));
        var reset = Assert.IsType<ConnectionResetFault>(Assert.Single(FaultErrors.Built(b => b.AddConnectionReset(0.3, ConnectionResetPhase.ClosedBeforeHeaders))));
        var timeout = Assert.IsType<ConnectTimeoutFault>(Assert.Single(FaultErrors.Built(b => b.AddConnectTimeout(TimeSpan.FromSeconds(2), 0.4))));
        var invalid = Assert.IsType<InvalidResponseFault>(Assert.Single(FaultErrors.Built(b => b.AddInvalidResponse(0.5, "SSH-2.0"))));
        var hang = Assert.IsType<HangFault>(Assert.Single(FaultErrors.Built(b => b.AddHang(0.6))));

        Assert.Equal(0.1, dns.InjectionRate);
        Assert.Equal(0.2, refused.InjectionRate);
        Assert.Equal((0.3, ConnectionResetPhase.ClosedBeforeHeaders), (reset.InjectionRate, reset.Phase));
        Assert.Equal((0.4, TimeSpan.FromSeconds(2)), (timeout.InjectionRate, timeout.Timeout));
        Assert.Equal((0.5, "SSH-2.0"), (invalid.InjectionRate, invalid.StatusLine));
        Assert.Equal(0.6, hang.InjectionRate);
    }

    [Fact]
    public void The_defaults_are_the_measured_shapes()
    {
        Assert.Equal(ConnectionResetPhase.ResetBeforeHeaders, Assert.IsType<ConnectionResetFault>(Assert.Single(FaultErrors.Built(b => b.AddConnectionReset()))).Phase);
        Assert.Equal("GARBAGE", Assert.IsType<InvalidResponseFault>(Assert.Single(FaultErrors.Built(b => b.AddInvalidResponse()))).StatusLine);
        Assert.Equal(TimeSpan.FromSeconds(15), new ConnectTimeoutFault().Timeout);
        Assert.Equal(1.0, Assert.IsType<HangFault>(Assert.Single(FaultErrors.Built(b => b.AddHang()))).InjectionRate);
    }

    [Fact]
    public void A_connect_timeout_may_be_zero_but_not_negative()
    {
        Assert.Empty(FaultErrors.Of(new ConnectTimeoutFault { Timeout = TimeSpan.Zero }));
        Assert.Equal(["Faults:0:Timeout: must not be negative (was -00:00:00.0010000)."], FaultErrors.Of(new ConnectTimeoutFault { Timeout = TimeSpan.FromMilliseconds(-1) }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\rb")]
    [InlineData("a\nb")]
    public void An_invalid_status_line_must_be_one_non_empty_line(string line)
    {
        Assert.Equal([$"Faults:0:StatusLine: must be one non-empty line (was '{line}')."], FaultErrors.Of(new InvalidResponseFault { StatusLine = line }));
    }

    [Fact]
    public async Task A_zero_connect_timeout_fails_at_once_with_the_connect_timeout_shape()
    {
        using var clients = Clients.Create(f => f.AddConnectTimeout(TimeSpan.Zero));

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => clients.Client.GetAsync("/orders").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Fact]
    public async Task The_invalid_status_line_is_the_one_configured()
    {
        using var clients = Clients.Create(f => f.AddInvalidResponse(statusLine: "SSH-2.0-OpenSSH_9.2"));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/orders"));

        Assert.Equal((HttpRequestError.InvalidResponse, "Received an invalid status line: 'SSH-2.0-OpenSSH_9.2'."), (ex.HttpRequestError, ex.Message));
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public async Task A_request_without_a_uri_still_gets_the_network_shape()
    {
        using var invoker = new HttpMessageInvoker(FaultInjection.CreateHandler(f => f.AddConnectionRefused(), new Upstream()));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(new HttpRequestMessage(), CancellationToken.None));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal("Connection refused (unknown:0)", ex.Message);
    }
}
