namespace FaultLab.Load;

/// <summary>
/// The iterations (or step runs) of one outcome — successes or failures — with their own latency, payload-size
/// and status-code distributions, so "how fast were the successful ones" is answered without the failures mixed in.
/// </summary>
public sealed record OutcomeStats
{
    /// <summary>Gets the number of iterations with this outcome.</summary>
    public long Count { get; init; }

    /// <summary>
    /// Gets their latency as measured: from the intended start in open-model phases, from the actual start in
    /// closed-model phases (not corrected for coordinated omission, like per-tag latency).
    /// </summary>
    public LatencyStats Latency { get; init; } = LatencyStats.Empty;

    /// <summary>Gets the distribution of the sizes the responses reported.</summary>
    public SizeStats Bytes { get; init; } = SizeStats.Empty;

    /// <summary>Gets the status codes reported with this outcome, most frequent first (numeric and textual).</summary>
    public IReadOnlyList<StatusCodeStats> StatusCodes { get; init; } = [];

    /// <summary>Gets the latency histogram (microseconds) behind <see cref="Latency"/>, for arbitrary percentiles and counts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public HdrHistogram.HistogramBase? LatencyHistogram { get; init; }

    /// <summary>Gets an empty outcome.</summary>
    public static OutcomeStats Empty { get; } = new();
}
