namespace FaultLab.Load;

/// <summary>One interval (normally one second) of a scenario's measured run.</summary>
public sealed record TimelinePoint
{
    /// <summary>Gets or sets the interval start, seconds since the measured run began.</summary>
    public double StartSeconds { get; init; }
    /// <summary>Gets or sets the interval length in seconds.</summary>
    public double LengthSeconds { get; init; }
    /// <summary>Gets or sets the number of iterations completed in the interval.</summary>
    public long Count { get; init; }
    /// <summary>Gets or sets the number of successful completions.</summary>
    public long Ok { get; init; }
    /// <summary>Gets or sets the number of failed completions.</summary>
    public long Fail { get; init; }
    /// <summary>Gets or sets the number of arrivals dropped because the concurrency cap was reached.</summary>
    public long Dropped { get; init; }
    /// <summary>Gets or sets the completions per second.</summary>
    public double Rps { get; init; }
    /// <summary>Gets or sets the median latency (ms) of completions in the interval, as measured.</summary>
    public double P50Ms { get; init; }
    /// <summary>Gets or sets the 99th percentile latency (ms) of completions in the interval, as measured.</summary>
    public double P99Ms { get; init; }
    /// <summary>Gets or sets the maximum latency (ms) in the interval.</summary>
    public double MaxMs { get; init; }
    /// <summary>Gets or sets the completions per status-code label in the interval.</summary>
    public IReadOnlyDictionary<string, long> StatusCodes { get; init; } = new Dictionary<string, long>();
}
