using System.Net.Sockets;
using System.Text;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

/// <summary>The streams the body faults hand out, read directly: how many bytes each read returns, when the cut or
/// the wait happens on the fake clock, and the read-only plumbing a caller may probe.</summary>
public sealed class BodyStreamTests
{
    private static readonly byte[] Bytes = Encoding.ASCII.GetBytes("0123456789abcdefghij"); // 20 bytes

    [Fact]
    public async Task A_cut_short_stream_hands_out_exactly_the_allowed_bytes_however_large_the_reads()
    {
        await using var stream = new CutShortStream(new MemoryStream(Bytes), 7, reset: false, promisedLength: 20, streamed: true);
        var buffer = new byte[64];

        Assert.Equal(7, await stream.ReadAsync(buffer));
        Assert.Equal("0123456", Encoding.ASCII.GetString(buffer, 0, 7));
        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty)); // a zero-length read asks nothing of the wire
        var ex = await Assert.ThrowsAsync<HttpIOException>(() => ReadInto(stream, buffer));

        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        Assert.Equal("The response ended prematurely, with at least 13 additional bytes expected. (ResponseEnded)", ex.Message);
        Assert.Equal("TruncatedBody", ex.Data[InjectedFault.ExceptionDataKey]);
        Assert.Equal("System.Net.Http", ex.Source);
    }

    [Fact]
    public async Task A_cut_short_stream_counts_bytes_across_small_reads()
    {
        await using var stream = new CutShortStream(new MemoryStream(Bytes), 5, reset: false, promisedLength: 20, streamed: true);
        var buffer = new byte[3];

        Assert.Equal(3, await stream.ReadAsync(buffer));
        Assert.Equal(2, await stream.ReadAsync(buffer));
        var ex = await Assert.ThrowsAsync<HttpIOException>(() => ReadInto(stream, buffer));
        Assert.Equal("The response ended prematurely, with at least 15 additional bytes expected. (ResponseEnded)", ex.Message);
    }

    [Theory]
    [InlineData(false, 20L)]
    [InlineData(true, null)]
    public async Task A_buffered_read_or_a_body_of_unknown_length_says_only_that_the_response_ended(bool streamed, long? promised)
    {
        await using var stream = new CutShortStream(new MemoryStream(Bytes), 4, reset: false, promised, streamed);
        Assert.Equal(4, await stream.ReadAsync(new byte[10]));

        var ex = await Assert.ThrowsAsync<HttpIOException>(() => ReadInto(stream, new byte[10]));

        Assert.Equal("The response ended prematurely. (ResponseEnded)", ex.Message);
    }

    [Fact]
    public async Task A_reset_cut_is_an_IOException_over_connection_reset_marked_as_injected()
    {
        await using var stream = new CutShortStream(new MemoryStream(Bytes), 0, reset: true, promisedLength: 20, streamed: true);

        var ex = await Assert.ThrowsAsync<IOException>(() => ReadInto(stream, new byte[10]));

        Assert.IsNotType<HttpIOException>(ex);
        Assert.Equal("Unable to read data from the transport connection: Connection reset by peer.", ex.Message);
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(ex.InnerException).SocketErrorCode);
        Assert.Equal("TruncatedBody.Reset", ex.Data[InjectedFault.ExceptionDataKey]);
        Assert.Equal("System.Private.CoreLib", ex.Source);
    }

    [Fact]
    public async Task A_body_shorter_than_the_cut_ends_normally()
    {
        await using var stream = new CutShortStream(new MemoryStream(Bytes), 50, reset: true, promisedLength: null, streamed: true);
        var buffer = new byte[64];

        Assert.Equal(20, await stream.ReadAsync(buffer));
        Assert.Equal(0, await stream.ReadAsync(buffer));
        Assert.Equal(0, await stream.ReadAsync(buffer));
    }

    [Fact]
    public async Task A_cut_exactly_at_the_end_of_the_body_ends_normally()
    {
        await using var stream = new CutShortStream(new MemoryStream(Bytes), 20, reset: true, promisedLength: 20, streamed: true);
        var buffer = new byte[64];

        Assert.Equal(20, await stream.ReadAsync(buffer));
        Assert.Equal(0, await stream.ReadAsync(buffer));
    }

    [Fact]
    public async Task A_slow_stream_hands_out_a_tenth_of_a_second_of_bytes_per_read_and_waits_that_long_on_the_clock()
    {
        var clock = Clock.New();
        await using var stream = new SlowStream(new MemoryStream(Bytes), 50, clock);
        var buffer = new byte[64];

        var read = stream.ReadAsync(buffer).AsTask();

        Assert.Equal(clock.Start + TimeSpan.FromMilliseconds(100), clock.NextDue); // 5 bytes at 50 B/s
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(read.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(5, await read.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("01234", Encoding.ASCII.GetString(buffer, 0, 5));
    }

    [Fact]
    public async Task A_slow_stream_slower_than_ten_bytes_a_second_hands_out_one_byte_per_read()
    {
        var clock = Clock.New();
        await using var stream = new SlowStream(new MemoryStream(Bytes), 4, clock);

        var read = stream.ReadAsync(new byte[64]).AsTask();

        Assert.Equal(clock.Start + TimeSpan.FromMilliseconds(250), clock.NextDue);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(1, await read.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_slow_stream_at_its_end_answers_at_once()
    {
        var clock = Clock.New();
        await using var stream = new SlowStream(new MemoryStream([]), 10, clock);

        Assert.Equal(0, await stream.ReadAsync(new byte[8]).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Null(clock.NextDue);
    }

    [Fact]
    public async Task A_slow_stream_honours_the_readers_cancellation_during_its_wait()
    {
        var clock = Clock.New();
        await using var stream = new SlowStream(new MemoryStream(Bytes), 10, clock);
        using var cts = new CancellationTokenSource();

        var read = stream.ReadAsync(new byte[8], cts.Token).AsTask();
        Assert.False(read.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_rewritten_stream_hands_out_the_rewritten_bytes_across_reads()
    {
        await using var stream = new RewrittenBodyStream(new MemoryStream(Bytes), body => body[..6].Reverse().ToArray());
        var buffer = new byte[4];

        Assert.Equal(4, await stream.ReadAsync(buffer));
        Assert.Equal("5432", Encoding.ASCII.GetString(buffer));
        Assert.Equal(2, await stream.ReadAsync(buffer));
        Assert.Equal("10", Encoding.ASCII.GetString(buffer, 0, 2));
        Assert.Equal(0, await stream.ReadAsync(buffer));
    }

    [Fact]
    public async Task The_faulty_streams_are_read_only_and_forward_only()
    {
        var inner = new MemoryStream(Bytes);
        var stream = new RewrittenBodyStream(inner, b => b);

        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Position);
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(1));
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
        stream.Flush();

        var buffer = new byte[8];
        Assert.Equal(3, stream.Read(buffer, 2, 3)); // the blocking overload still reads, into the offset asked for
        Assert.Equal("012", Encoding.ASCII.GetString(buffer, 2, 3));
        Assert.Equal(2, await stream.ReadAsync(buffer, 0, 2, CancellationToken.None));
        Assert.Equal("34", Encoding.ASCII.GetString(buffer, 0, 2));

        stream.Dispose();
        Assert.False(inner.CanRead); // disposing the faulty stream disposes the upstream one
    }

    [Fact]
    public async Task Faulty_content_keeps_the_upstream_headers_and_length_and_disposes_the_upstream_content()
    {
        var upstream = new ByteArrayContent(Bytes);
        upstream.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=us-ascii");
        upstream.Headers.TryAddWithoutValidation("Content-Language", "de");
        upstream.Headers.ContentLength = 20;
        var content = new FaultyContent(upstream, (s, _) => s);

        Assert.Equal("text/plain", content.Headers.ContentType!.MediaType);
        Assert.Equal("de", content.Headers.ContentLanguage.Single());
        Assert.Equal(20, content.Headers.ContentLength);
        Assert.Equal("0123456789abcdefghij", await content.ReadAsStringAsync());

        content.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => upstream.ReadAsStringAsync());
    }

    [Fact]
    public async Task Faulty_content_that_changes_the_size_drops_the_upstream_length()
    {
        var upstream = new ByteArrayContent(Bytes);
        upstream.Headers.ContentLength = 20;
        var content = new FaultyContent(upstream, (s, _) => new RewrittenBodyStream(s, b => b[..3]), keepContentLength: false);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal("012", await content.ReadAsStringAsync());
        Assert.Equal(3, content.Headers.ContentLength); // computed from the buffered body, as HttpClient does for any content
    }

    [Fact]
    public async Task Faulty_content_tells_its_wrapper_whether_the_read_is_streamed()
    {
        var seen = new List<bool>();
        using var buffered = new FaultyContent(new ByteArrayContent(Bytes), (s, streamed) => { seen.Add(streamed); return s; });
        using var streamedContent = new FaultyContent(new ByteArrayContent(Bytes), (s, streamed) => { seen.Add(streamed); return s; });

        await buffered.ReadAsByteArrayAsync();
        await using var stream = await streamedContent.ReadAsStreamAsync();

        Assert.Equal([false, true], seen);
        Assert.Equal(20, await stream.ReadAsync(new byte[64]));
    }

    [Fact]
    public async Task Faulty_content_in_a_multipart_body_counts_the_upstream_length_and_an_unknown_one_leaves_it_unknown()
    {
        // MultipartContent asks each part for its length directly (TryComputeLength), not through the part's header.
        var plain = new ByteArrayContent(Bytes);
        plain.Headers.ContentLength = 20;
        using var reference = new MultipartContent("mixed", "b") { plain };
        var upstream = new ByteArrayContent(Bytes);
        upstream.Headers.ContentLength = 20;
        using var known = new MultipartContent("mixed", "b") { new FaultyContent(upstream, (s, _) => s) };
        using var unknown = new MultipartContent("mixed", "b") { new FaultyContent(new ByteArrayContent(Bytes), (s, _) => s, keepContentLength: false) };

        long? announced = known.Headers.ContentLength; // before the body is read: once buffered, its size is the length

        Assert.Equal(56, reference.Headers.ContentLength); // --b, the part's Content-Length header, 20 bytes, --b--
        Assert.Equal(56, announced);
        Assert.Equal(56, (await known.ReadAsByteArrayAsync()).Length);
        Assert.Null(unknown.Headers.ContentLength);
    }

    [Fact]
    public async Task Disposed_faulty_content_refuses_to_read_even_its_buffered_body()
    {
        var content = new FaultyContent(new ByteArrayContent(Bytes), (s, _) => s);
        await content.LoadIntoBufferAsync();
        Assert.Equal("0123456789abcdefghij", await content.ReadAsStringAsync());

        content.Dispose();

        var refused = await Assert.ThrowsAsync<ObjectDisposedException>(() => content.ReadAsStringAsync());
        Assert.Equal(typeof(FaultyContent).FullName, refused.ObjectName);
    }

    private static async Task<int> ReadInto(Stream stream, byte[] buffer) => await stream.ReadAsync(buffer);
}
