namespace FaultLab;

/// <summary>Hands out the upstream body at a fixed rate on the injected clock, in small chunks.</summary>
internal sealed class SlowStream(Stream inner, int bytesPerSecond, TimeProvider clock) : ReadOnlyStream(inner)
{
    // Ten chunks a second keeps the stream smooth without a timer per byte.
    private readonly int _chunk = Math.Max(1, bytesPerSecond / 10);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await Inner.ReadAsync(buffer[..Math.Min(buffer.Length, _chunk)], cancellationToken).ConfigureAwait(false);
        // Stryker disable once Equality : at the end (0 bytes) the wait would be 0 s, and Task.Delay of zero completes at once with no timer
        if (read > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)read / bytesPerSecond), clock, cancellationToken).ConfigureAwait(false);
        }

        return read;
    }
}
