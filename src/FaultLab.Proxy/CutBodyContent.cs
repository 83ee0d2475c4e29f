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

    // YARP reads the body through ReadAsync(Memory) only; every other member either forwards or refuses, as for a
    // network body stream. (The core's read-only base is internal: packages meet through public API only.)
    private sealed class WatchedStream(Stream source, HttpContext context) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.Data.Contains(InjectedFault.ExceptionDataKey))
            {
                await EndConnectionAsync(reset: ex is not HttpIOException).ConfigureAwait(false);
                throw;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                source.Dispose();
            }

            // Stryker disable once Statement : Stream.Dispose(bool) is empty; a stream holds nothing of its own to release (the call is the dispose pattern's)
            base.Dispose(disposing);
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
