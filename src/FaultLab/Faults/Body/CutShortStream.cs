using FaultLab.Realization;

namespace FaultLab;

/// <summary>Hands out the first bytes of the upstream body, then fails the way a dying connection does.</summary>
internal sealed class CutShortStream(Stream inner, long allowedBytes, bool reset, long? promisedLength, bool streamed) : Stream
{
    private long _delivered;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _delivered; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        long left = allowedBytes - _delivered;
        if (left <= 0)
        {
            throw Failure();
        }

        int read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, left)], cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return 0; // the body was shorter than the cut: nothing to cut
        }

        _delivered += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // A streamed read of a Content-Length body says how many bytes were still owed; buffered reads do not.
    private IOException Failure()
    {
        IOException failure = reset
            ? NetworkErrors.ResetIOException()
            : NetworkErrors.ResponseEnded(streamed && promisedLength is { } total ? total - _delivered : null);
        failure.Data[InjectedFault.ExceptionDataKey] = reset ? "TruncatedBody.Reset" : "TruncatedBody";
        return failure;
    }
}
