using System.Net;

namespace FaultLab;

/// <summary>
/// Content that hands out the upstream bytes through a faulty stream. The upstream headers are kept (so a
/// Content-Length still promises the full body, as on the wire); buffered reads go through
/// <see cref="SerializeToStreamAsync(Stream, TransportContext?)"/>, where HttpContent wraps an <see cref="IOException"/>
/// into "Error while copying content to a stream." exactly as it does for a real connection.
/// </summary>
internal sealed class FaultyContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly Func<Stream, bool, Stream> _wrap;
    private readonly long? _length;

    /// <param name="inner">The upstream content.</param>
    /// <param name="wrap">Wraps the upstream stream; the flag says whether the read is streamed (not buffered).</param>
    /// <param name="keepContentLength">Whether to keep the upstream Content-Length (false when the body changes size).</param>
    public FaultyContent(HttpContent inner, Func<Stream, bool, Stream> wrap, bool keepContentLength = true)
    {
        _inner = inner;
        _wrap = wrap;
        _length = keepContentLength ? inner.Headers.ContentLength : null;
        foreach (var header in inner.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // Pinned only when the wire promises it: pinning null would hide the length HttpClient computes once a
        // rewritten body is buffered, so a malformed, drifted or inflated body would carry no Content-Length at all.
        if (_length is { } length)
        {
            Headers.ContentLength = length;
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using Stream source = _wrap(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        _wrap(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), true);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    // Read directly by a MultipartContent holding this content (its own length is the sum of its parts'); the
    // header getter never asks, the constructor pinned a known length.
    protected override bool TryComputeLength(out long length)
    {
        // Stryker disable once Unary : with no length the method returns false, and every caller ignores length then
        length = _length ?? -1;
        return _length.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
