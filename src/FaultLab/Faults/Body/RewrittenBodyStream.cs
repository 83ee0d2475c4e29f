namespace FaultLab;

/// <summary>
/// Reads the whole upstream body asynchronously on the first read (a blocking read of a network body would hold a
/// thread-pool thread per response), then hands out the rewritten bytes: the body faults that change the payload
/// itself (malformed, contract drift, oversized) go through it.
/// </summary>
internal sealed class RewrittenBodyStream(Stream inner, Func<byte[], byte[]> rewrite) : ReadOnlyStream(inner)
{
    private MemoryStream? _rewritten;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_rewritten is null)
        {
            using var original = new MemoryStream();
            await Inner.CopyToAsync(original, cancellationToken).ConfigureAwait(false);
            _rewritten = new MemoryStream(rewrite(original.ToArray()));
        }

        return _rewritten.Read(buffer.Span);
    }
}
