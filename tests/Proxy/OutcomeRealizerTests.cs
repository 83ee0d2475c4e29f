using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Ending = FaultLab.Proxy.OutcomeRealizer.Ending;

namespace FaultLab.Proxy.Tests;

/// <summary>How a failed forward ends the client's connection: decided from YARP's error and the injected exception,
/// then applied to the socket (internal, so tested directly; <see cref="ConnectionFaultTests"/> shows the client's view).</summary>
public sealed class OutcomeRealizerTests
{
    private const string SshLine = "Received an invalid status line: 'SSH-2.0-OpenSSH_9.2'.";

    [Fact]
    public void A_forward_without_error_is_left_alone()
    {
        Assert.Equal(Ending.None, OutcomeRealizer.Decide(ForwarderError.None, null, responseStarted: false));
        Assert.Equal(Ending.None, OutcomeRealizer.Decide(ForwarderError.None, null, responseStarted: true));
    }

    [Fact]
    public void Once_the_response_started_or_the_client_left_even_an_injected_failure_needs_nothing_more()
    {
        var reset = Injected(new HttpRequestException("An error occurred while sending the request."));

        // Started: the body cut already ended the connection mid-body (CutBodyContent).
        Assert.Equal(Ending.None, OutcomeRealizer.Decide(ForwarderError.ResponseBodyDestination, reset, responseStarted: true));
        Assert.Equal(Ending.None, OutcomeRealizer.Decide(ForwarderError.RequestCanceled, reset, responseStarted: false));
        // The same failure before the response: the connection is reset.
        Assert.Equal(Ending.Reset, OutcomeRealizer.Decide(ForwarderError.Request, reset, responseStarted: false));
    }

    [Fact]
    public void An_injected_failure_ends_as_its_real_counterpart_ends_on_the_wire()
    {
        var closed = Injected(new HttpRequestException(HttpRequestError.ResponseEnded, "An error occurred while sending the request.",
            new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.")));
        var notHttp = Injected(new HttpRequestException(HttpRequestError.InvalidResponse, SshLine));
        var unreadable = Injected(new HttpRequestException(HttpRequestError.InvalidResponse, "The server returned an invalid or unrecognized response."));
        var lineButNotInvalid = Injected(new HttpRequestException(HttpRequestError.Unknown, SshLine));
        var markedInside = new HttpRequestException(HttpRequestError.ResponseEnded, "An error occurred while sending the request.",
            Injected(new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.")));

        Assert.Equal(Ending.Close, OutcomeRealizer.Decide(ForwarderError.Request, closed, responseStarted: false));
        Assert.Equal(Ending.Close, OutcomeRealizer.Decide(ForwarderError.Request, markedInside, responseStarted: false));
        Assert.Equal(Ending.NotHttp, OutcomeRealizer.Decide(ForwarderError.Request, notHttp, responseStarted: false));
        // Not-HTTP needs both: an invalid response, and a line to send where the status line belongs.
        Assert.Equal(Ending.Reset, OutcomeRealizer.Decide(ForwarderError.Request, unreadable, responseStarted: false));
        Assert.Equal(Ending.Reset, OutcomeRealizer.Decide(ForwarderError.Request, lineButNotInvalid, responseStarted: false));
    }

    [Fact]
    public void A_real_failure_gets_the_gateways_answer_and_a_silent_upstream_a_close()
    {
        var real = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)");

        Assert.Equal(Ending.GatewayAnswer, OutcomeRealizer.Decide(ForwarderError.Request, real, responseStarted: false));
        Assert.Equal(Ending.Close, OutcomeRealizer.Decide(ForwarderError.RequestTimedOut, null, responseStarted: false));
    }

    [Theory]
    [InlineData(nameof(Ending.None))]
    [InlineData(nameof(Ending.GatewayAnswer))]
    public void An_ending_with_nothing_to_do_leaves_the_connection_open(string ending)
    {
        var (context, lifetime) = Context(socket: null);

        OutcomeRealizer.Apply(context, Enum.Parse<Ending>(ending), null);

        Assert.False(lifetime.Aborted);
    }

    [Theory]
    [InlineData(nameof(Ending.Close))]
    [InlineData(nameof(Ending.Reset))]
    [InlineData(nameof(Ending.NotHttp))]
    public void A_client_that_already_closed_its_socket_is_still_aborted_without_an_error(string ending)
    {
        // Never connected: shutting it down or sending on it fails with a SocketException, as on a connection already gone.
        using var gone = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var (context, lifetime) = Context(gone);

        OutcomeRealizer.Apply(context, Enum.Parse<Ending>(ending), Injected(new HttpRequestException(HttpRequestError.InvalidResponse, SshLine)));

        Assert.True(lifetime.Aborted);
    }

    [Theory]
    [InlineData(nameof(Ending.Close))]
    [InlineData(nameof(Ending.Reset))]
    [InlineData(nameof(Ending.NotHttp))]
    public void A_disposed_socket_is_still_aborted_without_an_error(string ending)
    {
        var disposed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        disposed.Dispose();
        var (context, lifetime) = Context(disposed);

        OutcomeRealizer.Apply(context, Enum.Parse<Ending>(ending), Injected(new HttpRequestException(HttpRequestError.InvalidResponse, SshLine)));

        Assert.True(lifetime.Aborted);
    }

    [Fact]
    public async Task A_raw_client_reads_the_not_HTTP_line_then_a_clean_end_of_stream()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream,
            """{ "FaultLab": { "Faults": [ { "Kind": "InvalidResponse", "StatusLine": "SSH-2.0-OpenSSH_9.2" } ] } }""");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, proxy.Address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /api/orders HTTP/1.1\r\nHost: 127.0.0.1:{proxy.Address.Port}\r\n\r\n"));

        // What a netcat-like client sees from an SSH server on an HTTP port: the line, then FIN (a read of 0), no reset.
        var received = new MemoryStream();
        var buffer = new byte[256];
        int read;
        while ((read = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(TimeSpan.FromSeconds(10))) > 0)
        {
            received.Write(buffer, 0, read);
        }

        Assert.Equal("SSH-2.0-OpenSSH_9.2\r\n", Encoding.ASCII.GetString(received.ToArray()));
    }

    private static T Injected<T>(T exception)
        where T : Exception
    {
        exception.Data[InjectedFault.ExceptionDataKey] = "test";
        return exception;
    }

    private static (HttpContext Context, Lifetime Lifetime) Context(Socket? socket)
    {
        var context = new DefaultHttpContext();
        var lifetime = new Lifetime();
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);
        if (socket is not null)
        {
            context.Features.Set<IConnectionSocketFeature>(new SocketFeature(socket));
        }

        return (context, lifetime);
    }

    private sealed class Lifetime : IHttpRequestLifetimeFeature
    {
        public bool Aborted { get; private set; }

        public CancellationToken RequestAborted { get; set; }

        public void Abort() => Aborted = true;
    }

    private sealed class SocketFeature(Socket socket) : IConnectionSocketFeature
    {
        public Socket Socket => socket;
    }
}
