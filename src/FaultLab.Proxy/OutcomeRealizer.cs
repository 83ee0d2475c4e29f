using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace FaultLab.Proxy;

/// <summary>
/// Turns a failed forward into what the client would see from a real network failure. An injected response needs
/// nothing here (YARP relays it like any upstream response), nor does a body fault once the response started
/// (<see cref="CutBodyContent"/> ends the connection mid-body, so the promised Content-Length is never met). What remains is an injected
/// exception before the response: the client must lose its connection, not receive a 502 page that a client's
/// retry policy would treat as an HTTP answer.
/// </summary>
internal static partial class OutcomeRealizer
{
    /// <summary>How the client's connection ends.</summary>
    public enum Ending
    {
        /// <summary>Leave YARP's answer (a real upstream failure behind a gateway: 502, 504).</summary>
        GatewayAnswer,

        /// <summary>Nothing left to do: the response already started, or the client went away.</summary>
        None,

        /// <summary>A clean close (FIN) with no response: the client reads end of stream.</summary>
        Close,

        /// <summary>An abortive close (RST): the client's next read or write fails with "connection reset".</summary>
        Reset,

        /// <summary>A line that is not HTTP, then a clean close: what a non-HTTP server on the port sends.</summary>
        NotHttp,
    }

    public static Ending Decide(ForwarderError error, Exception? exception, bool responseStarted)
    {
        if (error == ForwarderError.None || responseStarted || error == ForwarderError.RequestCanceled)
        {
            return Ending.None;
        }

        if (Injected(exception) is { } injected)
        {
            // A server that closed cleanly before the headers (ResponseEnded) sent FIN; refused, reset, DNS failure
            // and connect timeout have no HTTP form at all: RST is the closest a client can observe after connecting.
            return HasResponseEnded(injected) ? Ending.Close
                : (injected as HttpRequestException)?.HttpRequestError == HttpRequestError.InvalidResponse && StatusLine(injected) is not null ? Ending.NotHttp
                : Ending.Reset;
        }

        // The hang limit (or a silent real upstream) ran out: end the connection the way an idle server does.
        return error == ForwarderError.RequestTimedOut ? Ending.Close : Ending.GatewayAnswer;
    }

    public static void Apply(HttpContext context, Ending ending, Exception? exception)
    {
        if (ending is not (Ending.Reset or Ending.Close or Ending.NotHttp))
        {
            return;
        }

        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            EndSocket(socket, ending, ending == Ending.NotHttp ? StatusLine(Injected(exception)) : null);
        }

        context.Abort();
    }

    private static void EndSocket(Socket socket, Ending ending, string? statusLine)
    {
        try
        {
            if (statusLine is not null)
            {
                // Nothing was written yet (the response had not started): the line goes out where a status line belongs.
                socket.Send(Encoding.ASCII.GetBytes(statusLine + "\r\n"));
                socket.Shutdown(SocketShutdown.Send);
            }
            else if (ending == Ending.Reset)
            {
                // Linger 0 turns the close into an RST: what a refused or reset connection looks like on the wire.
                socket.LingerState = new LingerOption(enable: true, seconds: 0);
            }
            else
            {
                // Kestrel's abort resets the connection; a server that closed cleanly sent FIN first, and the client
                // reads that end of stream (ResponseEnded) before anything that follows.
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client already closed: there is no connection left to end.
        }
    }

    private static Exception? Injected(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e.Data.Contains(InjectedFault.ExceptionDataKey))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The line an injected invalid response names, from the message SocketsHttpHandler writes for a real one.</summary>
    private static string? StatusLine(Exception? exception) =>
        exception?.Message is { } message && InvalidStatusLine().Match(message) is { Success: true } match ? match.Groups["line"].Value : null;

    [GeneratedRegex(@"^Received an invalid status line: '(?<line>[^\r\n]*)'\.$")]
    private static partial Regex InvalidStatusLine();

    private static bool HasResponseEnded(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if ((e as HttpRequestException)?.HttpRequestError == HttpRequestError.ResponseEnded
                || (e as HttpIOException)?.HttpRequestError == HttpRequestError.ResponseEnded)
            {
                return true;
            }
        }

        return false;
    }
}
