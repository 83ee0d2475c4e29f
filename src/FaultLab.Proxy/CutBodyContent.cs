using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace FaultLab.Proxy;

/// <summary>
/// Relays the upstream body; when an injected body fault fails the read, first puts every byte already relayed on
/// the wire and ends the connection as the fault says (FIN for a clean close, RST for a reset), then lets YARP abort.
/// Without this, Kestrel's abort would discard the buffered headers and bytes: the client would see a reset before
/// any header instead of a body that stops after N bytes of a longer Content-Length.
/// </summary>
internal sealed class CutBodyContent(HttpContent inner, HttpContext context) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? transportContext) =>
        await (await CreateContentReadStreamAsync().ConfigureAwait(false)).CopyToAsync(stream).ConfigureAwait(false);

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new WatchedStream(await inner.ReadAsStreamAsync().ConfigureAwait(false), context);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new WatchedStream(await inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), context);

    protected override bool TryComputeLength(out long length)
    {
        length = inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // The read-only plumbing is the core's; this stream adds only what a failing read does to the connection.
    private sealed class WatchedStream(Stream source, HttpContext context) : ReadOnlyStream(source)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.Data.Contains(InjectedFault.ExceptionDataKey))
            {
                await EndConnectionAsync(reset: ex is not HttpIOException).ConfigureAwait(false);
                throw;
            }
        }

        private async Task EndConnectionAsync(bool reset)
        {
            try
            {
                // The proxy's transport completes a flush only once its bytes are sent (see FaultProxy), so the bytes relayed so
                // far are in the kernel, ahead of the FIN or RST below.
                await context.Response.Body.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                if (context.Features.Get<IConnectionSocketFeature>()?.Socket is not { } socket)
                {
                    return;
                }

                if (reset)
                {
                    socket.LingerState = new LingerOption(enable: true, seconds: 0);
                }
                else
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client is gone already: YARP's abort that follows is all there is left to do.
            }
        }
    }
}
