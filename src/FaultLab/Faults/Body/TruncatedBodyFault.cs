using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// The body stops early: after <see cref="AfterBytes"/> bytes (or <see cref="AfterFraction"/> of the
/// Content-Length) the read fails with <see cref="HttpIOException"/> (ResponseEnded) for a clean close, or an
/// <see cref="IOException"/> over <c>SocketException(ConnectionReset)</c> for a reset.
/// </summary>
[FaultKind("The real body stops early: \"Error while copying content to a stream.\" over HttpIOException (ResponseEnded), or a reset mid-body.",
    Example = """{ "AfterBytes": 2 }""")]
public sealed class TruncatedBodyFault : BodyFault
{

    /// <summary>Gets or sets the bytes delivered before the cut; wins over <see cref="AfterFraction"/>.</summary>
    public long? AfterBytes { get; set; }

    /// <summary>Gets or sets the share of a known Content-Length delivered before the cut. Defaults to 0.5.</summary>
    public double AfterFraction { get; set; } = 0.5;

    /// <summary>Gets or sets how the connection ends. Defaults to <see cref="BodyEnding.CleanClose"/>.</summary>
    public BodyEnding Ending { get; set; } = BodyEnding.CleanClose;

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (AfterBytes is < 0)
        {
            errors.Add($"{path[nameof(AfterBytes)]}: must not be negative (was {AfterBytes}).");
        }

        if (double.IsNaN(AfterFraction) || AfterFraction < 0 || AfterFraction >= 1)
        {
            errors.Add($"{path[nameof(AfterFraction)]}: must be at least 0 and below 1 (was {AfterFraction}).");
        }
    }

    internal override HttpContent Wrap(HttpContent original, RealizationContext context)
    {
        long? length = original.Headers.ContentLength;
        long allowed = AfterBytes ?? (length is { } n ? (long)(n * AfterFraction) : 0);
        return new FaultyContent(original, (stream, streamed) =>
            new CutShortStream(stream, allowed, Ending == BodyEnding.Reset, length, streamed));
    }
}

/// <summary>How a body that stops early ends.</summary>
public enum BodyEnding
{
    /// <summary>The peer closes cleanly before all promised bytes arrived (ResponseEnded).</summary>
    CleanClose,

    /// <summary>The peer resets the connection mid-body.</summary>
    Reset,
}
