using FaultLab.Replay.Playback;

namespace FaultLab.Replay;

/// <summary>Creates the record/replay handler for use without dependency injection, e.g. <c>new HttpClient(ReplayHandler.Create(...))</c>.</summary>
public static class ReplayHandler
{
    /// <summary>Creates a handler that records to and replays from <paramref name="cassette"/>.</summary>
    /// <param name="cassette">The cassette; share the instance between handlers that should share playback order.</param>
    /// <param name="mode">When to record and when to replay. Defaults to <see cref="RecordMode.Once"/>.</param>
    /// <param name="options">Matching, redaction and replay settings; defaults when <see langword="null"/>.</param>
    /// <param name="network">The handler that reaches the dependency when recording; a new <see cref="SocketsHttpHandler"/> when <see langword="null"/>. Disposed with the returned handler.</param>
    /// <returns>A handler to use as an <see cref="HttpClient"/>'s handler or as a client factory's primary handler.</returns>
    public static HttpMessageHandler Create(Cassette cassette, RecordMode mode = RecordMode.Once, CassetteOptions? options = null, HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(cassette);
        options ??= new CassetteOptions();
        return new CassetteHandler(cassette, mode, options, options.TimeProvider ?? TimeProvider.System)
        {
            InnerHandler = network ?? new SocketsHttpHandler(),
        };
    }
}
