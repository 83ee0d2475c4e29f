using FaultLab.Realization;

namespace FaultLab;

/// <summary>Hands out the first bytes of the upstream body, then fails the way a dying connection does.</summary>
internal sealed class CutShortStream(Stream inner, long allowedBytes, bool reset, long? promisedLength, bool streamed) : ReadOnlyStream(inner)
{
    private long _delivered;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        long left = allowedBytes - _delivered;
        if (left <= 0)
        {
            // Cut only a body that goes on: when every byte already arrived there is nothing left to lose, and a
            // real connection closing now ends the body normally.
            if (buffer.Length == 0 || await Inner.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) == 0)
            {
                return 0;
            }

            throw Failure();
        }

        // A body shorter than the cut ends here normally: its last read returns 0 and counts nothing.
        int read = await Inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, left)], cancellationToken).ConfigureAwait(false);
        _delivered += read;
        return read;
    }

    // A streamed read of a Content-Length body says how many bytes were still owed; buffered reads do not.
    private IOException Failure()
    {
        IOException failure = reset
            ? NetworkErrors.ResetIOException()
            : NetworkErrors.ResponseEnded(streamed && promisedLength is { } total ? total - _delivered : null);
        failure.Data[InjectedFault.ExceptionDataKey] = reset ? "TruncatedBody.Reset" : "TruncatedBody";

        // Thrown from here, the exception would name FaultLab as its Source; a real one names where .NET threw it
        // (measured: tests/Resilience/Faults/BodyFaultTests.cs, StreamedBodyCutShapeTests).
        failure.Source = reset ? "System.Private.CoreLib" : "System.Net.Http";
        return failure;
    }
}
