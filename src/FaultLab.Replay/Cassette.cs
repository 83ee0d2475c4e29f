using FaultLab.Replay.Playback;

namespace FaultLab.Replay;

/// <summary>
/// A cassette file of recorded interactions. Hand the same instance to every client that should share the
/// recording: it keeps which interactions were played, so identical requests replay in recorded order.
/// </summary>
public sealed class Cassette
{
    private readonly object _gate = new();
    private CassetteSession? _session;

    /// <summary>Initializes a new instance of the <see cref="Cassette"/> class. Nothing is read until the first request.</summary>
    /// <param name="path">The JSON file, relative to the current directory or absolute.</param>
    public Cassette(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Gets the full path of the cassette file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override string ToString() => Path;

    /// <summary>
    /// The session of this cassette, opened on first use. The first handler decides mode and options; a second
    /// mode on the same instance is refused, since "record" and "replay only" cannot both hold.
    /// </summary>
    internal CassetteSession Session(RecordMode mode, CassetteOptions options)
    {
        lock (_gate)
        {
            _session ??= CassetteSession.Open(Path, mode, options);
            return _session.RequestedMode == mode
                ? _session
                : throw new InvalidOperationException(
                    $"Cassette '{Path}' is already in use with RecordMode.{_session.RequestedMode}; use another Cassette instance for RecordMode.{mode}.");
        }
    }
}
