namespace FaultLab;

/// <summary>Hands out the upstream body at a fixed rate on the injected clock, in small chunks.</summary>
internal sealed class SlowStream(Stream inner, int bytesPerSecond, TimeProvider clock) : Stream
{
    // Ten chunks a second keeps the stream smooth without a timer per byte.
    private readonly int _chunk = Math.Max(1, bytesPerSecond / 10);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, _chunk)], cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)read / bytesPerSecond), clock, cancellationToken).ConfigureAwait(false);
        }

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
}
