using System.Text.Json.Serialization;
using HdrHistogram;

namespace FaultLab.Load;

/// <summary>Breakdown for one response tag.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="Count">Iterations with this tag.</param>
/// <param name="Ok">Successful ones.</param>
/// <param name="Fail">Failed ones.</param>
/// <param name="Latency">Measured latency of this tag's iterations (not corrected for coordinated omission in closed phases).</param>
public sealed record TagStats(string Tag, long Count, long Ok, long Fail, LatencyStats Latency)
{
    /// <summary>Gets Ok / Count, or 1 when nothing was recorded.</summary>
    public double SuccessRate => Count == 0 ? 1 : (double)Ok / Count;

    /// <summary>Gets or sets the tag's latency histogram in microseconds (for arbitrary percentiles).</summary>
    [JsonIgnore]
    public HistogramBase? Histogram { get; init; }
}
