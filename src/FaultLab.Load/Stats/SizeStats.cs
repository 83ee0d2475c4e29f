namespace FaultLab.Load;

/// <summary>A payload-size distribution in bytes (what the responses reported as their size).</summary>
public sealed record SizeStats
{
    /// <summary>Gets the number of recorded responses.</summary>
    public long Count { get; init; }
    /// <summary>Gets the sum of all sizes in bytes (exact, not read from the histogram).</summary>
    public long TotalBytes { get; init; }
    /// <summary>Gets the smallest size in bytes.</summary>
    public long MinBytes { get; init; }
    /// <summary>Gets the mean size in bytes.</summary>
    public double MeanBytes { get; init; }
    /// <summary>Gets the largest size in bytes.</summary>
    public long MaxBytes { get; init; }
    /// <summary>Gets the standard deviation in bytes.</summary>
    public double StdDevBytes { get; init; }
    /// <summary>Gets the median size in bytes.</summary>
    public long P50Bytes { get; init; }
    /// <summary>Gets the 75th percentile in bytes.</summary>
    public long P75Bytes { get; init; }
    /// <summary>Gets the 95th percentile in bytes.</summary>
    public long P95Bytes { get; init; }
    /// <summary>Gets the 99th percentile in bytes.</summary>
    public long P99Bytes { get; init; }

    /// <summary>Gets an empty distribution.</summary>
    public static SizeStats Empty { get; } = new();
}
