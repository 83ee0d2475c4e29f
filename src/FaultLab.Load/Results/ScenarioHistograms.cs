using HdrHistogram;

namespace FaultLab.Load;

/// <summary>
/// A scenario's histograms in HdrHistogram's compressed V2 encoding, base64 (the interval log's format; values in
/// microseconds). Empty strings stand for empty histograms.
/// </summary>
public sealed record ScenarioHistograms
{
    /// <summary>Gets the corrected latency histogram (what thresholds use).</summary>
    public string Latency { get; init; } = "";

    /// <summary>Gets the latency histogram as measured.</summary>
    public string LatencyMeasured { get; init; } = "";

    /// <summary>Gets the open-model schedule-lag histogram.</summary>
    public string ScheduleLag { get; init; } = "";

    /// <summary>Gets each tag's latency histogram, by tag.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets one latency histogram per timeline point, in timeline order (as measured).</summary>
    public IReadOnlyList<string> Intervals { get; init; } = [];

    internal static ScenarioHistograms Encode(ScenarioStats stats, IReadOnlyList<IntervalHistogram> intervals) => new()
    {
        Latency = Encode(stats.Histogram),
        LatencyMeasured = Encode(stats.MeasuredHistogram),
        ScheduleLag = Encode(stats.ScheduleLagHistogram),
        Tags = stats.Tags.ToDictionary(t => t.Tag, t => Encode(t.Histogram), StringComparer.Ordinal),
        Intervals = intervals.Select(i => Encode(i.Histogram)).ToList(),
    };

    internal static string Encode(HistogramBase? histogram) =>
        histogram is null || histogram.TotalCount == 0 ? "" : Convert.ToBase64String(FaultLab.Load.Histograms.EncodeCompressed(histogram));

    internal static HistogramBase Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return FaultLab.Load.Histograms.NewHistogram();
        }

        var histogram = FaultLab.Load.Histograms.NewHistogram();
        histogram.Add(FaultLab.Load.Histograms.DecodeCompressed(Convert.FromBase64String(encoded)));
        return histogram;
    }
}
