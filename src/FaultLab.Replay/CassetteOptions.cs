namespace FaultLab.Replay;

/// <summary>How a cassette matches, redacts, replays and writes interactions.</summary>
public sealed class CassetteOptions
{
    /// <summary>Gets which parts of a request must equal a recorded one for it to be replayed.</summary>
    public CassetteMatching Matching { get; } = new();

    /// <summary>Gets what is replaced by <see cref="CassetteRedaction.Placeholder"/> before anything is written to disk.</summary>
    public CassetteRedaction Redaction { get; } = new();

    /// <summary>Gets or sets what replay answers once all matching interactions have been played. Defaults to <see cref="ExhaustedBehavior.RepeatLast"/>.</summary>
    public ExhaustedBehavior WhenExhausted { get; set; } = ExhaustedBehavior.RepeatLast;

    /// <summary>
    /// Gets or sets a value indicating whether replay waits the recorded duration before answering, on
    /// <see cref="TimeProvider"/>, so timeouts and latency-sensitive code behave as they did when recorded.
    /// </summary>
    public bool ReplayLatency { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether every interaction is scanned for well-known secret shapes (JWTs, AWS
    /// access keys, GitHub tokens, private key blocks) after redaction; one found fails the request instead of
    /// writing the secret. Defaults to <see langword="true"/>.
    /// </summary>
    public bool ScanForSecrets { get; set; } = true;

    /// <summary>
    /// Gets or sets the clock used to measure recorded durations and to wait them out on replay. When
    /// <see langword="null"/>, the <see cref="System.TimeProvider"/> registered in the container is used, else the system clock.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }
}
