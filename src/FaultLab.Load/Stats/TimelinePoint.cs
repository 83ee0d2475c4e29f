namespace FaultLab.Load;

/// <summary>One interval (normally one second) of a scenario's measured run.</summary>
public sealed record TimelinePoint
{
    /// <summary>Interval start, seconds since the measured run began.</summary>
    public double StartSeconds { get; init; }
    /// <summary>Interval length in seconds.</summary>
    public double LengthSeconds { get; init; }
    /// <summary>Iterations completed in the interval.</summary>
    public long Count { get; init; }
    /// <summary>Successful completions.</summary>
    public long Ok { get; init; }
    /// <summary>Failed completions.</summary>
    public long Fail { get; init; }
    /// <summary>Arrivals dropped because the concurrency cap was reached.</summary>
    public long Dropped { get; init; }
    /// <summary>Completions per second.</summary>
    public double Rps { get; init; }
    /// <summary>Median latency (ms) of completions in the interval, as measured.</summary>
    public double P50Ms { get; init; }
    /// <summary>99th percentile latency (ms) of completions in the interval, as measured.</summary>
    public double P99Ms { get; init; }
    /// <summary>Maximum latency (ms) in the interval.</summary>
    public double MaxMs { get; init; }
    /// <summary>Completions per status-code label in the interval.</summary>
    public IReadOnlyDictionary<string, long> StatusCodes { get; init; } = new Dictionary<string, long>();
}
