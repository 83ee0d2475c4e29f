using System.Net;
using System.Net.Sockets;

namespace FaultLab.Tests.Shared;

/// <summary>A bare TCP server on 127.0.0.1 with an OS-chosen port, for failures Kestrel cannot produce (bytes that are
/// not HTTP): the serve callback runs for every accepted connection, then the connection is closed.</summary>
public sealed class RawLoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public RawLoopbackServer(Func<Socket, CancellationToken, Task> serve)
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync(serve);
    }

    /// <summary>Gets the base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync(Func<Socket, CancellationToken, Task> serve)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (socket)
                {
                    try
                    {
                        await serve(socket, _stop.Token);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException or SocketException)
                    {
                        // The test is over or the client went away.
                    }
                }
            });
        }
    }
}
