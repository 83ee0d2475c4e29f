using HdrHistogram;

namespace FaultLab.Load;

/// <summary>One interval's latency histogram (microseconds), as kept for the HdrHistogram interval log.</summary>
/// <param name="Tag">The log tag (scenario name), or null.</param>
/// <param name="StartSeconds">Interval start, seconds since the log's start time.</param>
/// <param name="LengthSeconds">Interval length in seconds.</param>
/// <param name="Histogram">The interval's latencies in microseconds.</param>
public sealed record IntervalHistogram(string? Tag, double StartSeconds, double LengthSeconds, HistogramBase Histogram);
