using HdrHistogram;

namespace FaultLab.Load;

/// <summary>A latency distribution summary in milliseconds, read from a microsecond HdrHistogram.</summary>
public sealed record LatencyStats
{
    /// <summary>Gets or sets the number of recorded values.</summary>
    public long Count { get; init; }
    /// <summary>Gets or sets the minimum in ms.</summary>
    public double MinMs { get; init; }
    /// <summary>Gets or sets the mean in ms.</summary>
    public double MeanMs { get; init; }
    /// <summary>Gets or sets the maximum in ms.</summary>
    public double MaxMs { get; init; }
    /// <summary>Gets or sets the standard deviation in ms.</summary>
    public double StdDevMs { get; init; }
    /// <summary>Gets or sets the median in ms.</summary>
    public double P50Ms { get; init; }
    /// <summary>Gets or sets the 75th percentile in ms.</summary>
    public double P75Ms { get; init; }
    /// <summary>Gets or sets the 95th percentile in ms.</summary>
    public double P95Ms { get; init; }
    /// <summary>Gets or sets the 99th percentile in ms.</summary>
    public double P99Ms { get; init; }
    /// <summary>Gets or sets the 99.9th percentile in ms.</summary>
    public double P999Ms { get; init; }

    /// <summary>Gets an empty distribution.</summary>
    public static LatencyStats Empty { get; } = new();

    /// <summary>Summarises a histogram whose values are microseconds.</summary>
    /// <param name="histogram">The histogram.</param>
    public static LatencyStats FromHistogram(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        return new LatencyStats
        {
            Count = histogram.TotalCount,
            MinMs = Ms(MinValue(histogram)),
            MeanMs = histogram.GetMean() / 1000.0,
            MaxMs = Ms(histogram.GetMaxValue()),
            StdDevMs = histogram.GetStdDeviation() / 1000.0,
            P50Ms = Percentile(histogram, 50),
            P75Ms = Percentile(histogram, 75),
            P95Ms = Percentile(histogram, 95),
            P99Ms = Percentile(histogram, 99),
            P999Ms = Percentile(histogram, 99.9),
        };
    }

    /// <summary>Reads any percentile from a microsecond histogram, in ms.</summary>
    /// <param name="histogram">The histogram.</param>
    /// <param name="percentile">0–100.</param>
    public static double Percentile(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : Ms(histogram.GetValueAtPercentile(percentile));

    // HdrHistogram.NET 2.5 has no GetMinValue; the first recorded bucket is the minimum.
    private static long MinValue(HistogramBase histogram)
    {
        foreach (var v in histogram.RecordedValues())
        {
            return histogram.LowestEquivalentValue(v.ValueIteratedTo);
        }

        return 0;
    }

    private static double Ms(long micros) => micros / 1000.0;
}
