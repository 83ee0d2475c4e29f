using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace FaultLab.Proxy.Tests;

/// <summary>The watch YARP reads the upstream body through (internal, so tested on its own as well as through the
/// proxy in <see cref="BodyFaultTests"/>): it relays, reports the upstream's length, releases the upstream, and on an
/// injected cut puts what was relayed on the wire before the connection ends.</summary>
public sealed class CutBodyContentTests
{
    [Fact]
    public async Task The_body_is_relayed_byte_for_byte_by_copy_and_by_stream()
    {
        using var copied = new CutBodyContent(new UpstreamContent(new CuttingStream(Upstream.Big), Upstream.Big.Length), new DefaultHttpContext());
        var target = new MemoryStream();
        await copied.CopyToAsync(target);
        Assert.Equal(Upstream.Big, target.ToArray());

        using var streamed = new CutBodyContent(new UpstreamContent(new CuttingStream(Upstream.Big), Upstream.Big.Length), new DefaultHttpContext());
        await using var body = await streamed.ReadAsStreamAsync(CancellationToken.None);
        Assert.Equal(Upstream.Big, await ReadAllAsync(body));
    }

    [Fact]
    public async Task The_watched_stream_is_a_read_only_forward_only_stream_as_a_network_body_is()
    {
        using var content = new CutBodyContent(new UpstreamContent(new CuttingStream(Upstream.Big), null), new DefaultHttpContext());
        await using var body = await content.ReadAsStreamAsync(CancellationToken.None);

        Assert.True(body.CanRead);
        Assert.False(body.CanSeek);
        Assert.False(body.CanWrite);
        Assert.Throws<NotSupportedException>(() => body.Length);
        Assert.Throws<NotSupportedException>(() => body.Position);
        Assert.Throws<NotSupportedException>(() => body.Write([1], 0, 1));
    }

    [Theory]
    [InlineData(1000L)]
    [InlineData(0L)] // an empty body still has a length: "Content-Length: 0", not chunked
    [InlineData(null)] // the upstream sent no length (chunked): none is invented
    public void The_length_is_the_upstreams(long? upstreamLength)
    {
        using var content = new CutBodyContent(new UpstreamContent(new CuttingStream([]), upstreamLength), new DefaultHttpContext());

        Assert.Equal(upstreamLength, content.Headers.ContentLength);
    }

    [Fact]
    public async Task Disposing_releases_the_upstream_content_and_its_stream()
    {
        var source = new CuttingStream(Upstream.Big);
        var upstream = new UpstreamContent(source, Upstream.Big.Length);
        var content = new CutBodyContent(upstream, new DefaultHttpContext());
        var body = await content.ReadAsStreamAsync(CancellationToken.None);
        Assert.False(source.Disposed);

        await body.DisposeAsync();
        Assert.True(source.Disposed); // YARP disposes the stream it read: the upstream connection goes back or closes
        Assert.False(upstream.Disposed);

        content.Dispose();
        Assert.True(upstream.Disposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => content.ReadAsStreamAsync()); // as any disposed HttpContent
    }

    [Fact]
    public async Task An_injected_cut_flushes_what_was_relayed_then_rethrows_the_cut_itself()
    {
        var cut = Injected(new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var (context, sent) = Context(flushFails: null);
        using var content = new CutBodyContent(new UpstreamContent(new CuttingStream(Upstream.Big[..100], cut), 1000), context);
        await using var body = await content.ReadAsStreamAsync(CancellationToken.None);
        var buffer = new byte[1000];

        Assert.Equal(100, await body.ReadAsync(buffer));
        Assert.Equal(0, sent.Flushes); // a read that succeeds leaves the flushing to YARP

        var error = await Assert.ThrowsAsync<HttpIOException>(() => body.ReadAsync(buffer).AsTask());
        Assert.Same(cut, error);
        Assert.Equal(1, sent.Flushes); // the headers and the 100 bytes go out before the connection ends
    }

    [Fact]
    public async Task A_real_upstream_failure_mid_body_is_not_touched()
    {
        var real = new IOException("Unable to read data from the transport connection: Connection reset by peer.");
        var (context, sent) = Context(flushFails: null);
        using var content = new CutBodyContent(new UpstreamContent(new CuttingStream([], real), 1000), context);
        await using var body = await content.ReadAsStreamAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<IOException>(() => body.ReadAsync(new byte[10]).AsTask());

        Assert.Same(real, error);
        Assert.Equal(0, sent.Flushes); // YARP handles a real failure as for any upstream
    }

    [Theory]
    [InlineData("IOException")]
    [InlineData("SocketException")]
    [InlineData("ObjectDisposedException")]
    [InlineData("OperationCanceledException")]
    public async Task A_client_already_gone_when_the_cut_flushes_still_surfaces_the_cut(string clientGone)
    {
        Exception flushError = clientGone switch
        {
            "IOException" => new IOException("Broken pipe"),
            "SocketException" => new SocketException((int)SocketError.ConnectionReset),
            "ObjectDisposedException" => new ObjectDisposedException("socket"),
            _ => new OperationCanceledException("The client aborted."),
        };
        var cut = Injected(new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var (context, sent) = Context(flushFails: flushError);
        using var content = new CutBodyContent(new UpstreamContent(new CuttingStream([], cut), 1000), context);
        await using var body = await content.ReadAsStreamAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<HttpIOException>(() => body.ReadAsync(new byte[10]).AsTask());

        Assert.Same(cut, error);
        Assert.Equal(1, sent.Flushes);
    }

    [Fact]
    public async Task Any_other_failure_of_the_flush_is_not_swallowed()
    {
        var bug = new InvalidOperationException("Writing is not allowed after writer was completed.");
        var cut = Injected(new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var (context, _) = Context(flushFails: bug);
        using var content = new CutBodyContent(new UpstreamContent(new CuttingStream([], cut), 1000), context);
        await using var body = await content.ReadAsStreamAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => body.ReadAsync(new byte[10]).AsTask());

        Assert.Same(bug, error);
    }

    private static T Injected<T>(T exception)
        where T : Exception
    {
        exception.Data[InjectedFault.ExceptionDataKey] = "TruncatedBody";
        return exception;
    }

    private static (HttpContext Context, ResponseBody Sent) Context(Exception? flushFails)
    {
        var sent = new ResponseBody(flushFails);
        var context = new DefaultHttpContext();
        context.Response.Body = sent;
        return (context, sent);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        var all = new MemoryStream();
        var buffer = new byte[64];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }

    /// <summary>The upstream's content as SocketsHttpHandler hands it over: a length from the headers (or none) and one
    /// network stream; remembers being disposed.</summary>
    private sealed class UpstreamContent : HttpContent
    {
        private readonly Stream _body;

        public UpstreamContent(Stream body, long? length)
        {
            _body = body;
            if (length is { } n)
            {
                Headers.ContentLength = n;
            }
        }

        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _body.CopyToAsync(stream);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(_body);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed |= disposing;
            base.Dispose(disposing);
        }
    }

    /// <summary>Reads <c>before</c>, then throws <c>cut</c> where it would end (or ends, without one); remembers being disposed.</summary>
    private sealed class CuttingStream(byte[] before, Exception? cut = null) : MemoryStream(before, writable: false)
    {
        public bool Disposed { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await base.ReadAsync(buffer, cancellationToken);
            return read == 0 && cut is not null ? throw cut : read;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed |= disposing;
            base.Dispose(disposing);
        }
    }

    /// <summary>The client's side of the response: counts flushes; the flush fails as <c>flushFails</c> when the client is gone.</summary>
    private sealed class ResponseBody(Exception? flushFails) : MemoryStream
    {
        public int Flushes { get; private set; }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return flushFails is null ? Task.CompletedTask : Task.FromException(flushFails);
        }
    }
}
