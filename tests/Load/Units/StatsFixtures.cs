using HdrHistogram;

namespace FaultLab.Load.Tests.Units;

/// <summary>Histograms and statistics built by hand, so a test knows every value exactly.</summary>
internal static class StatsFixtures
{
    /// <summary>A microsecond histogram holding <paramref name="micros"/> (values below 2048 µs are stored exactly).</summary>
    public static HistogramBase Micros(params long[] micros)
    {
        var histogram = Histograms.NewHistogram();
        foreach (var value in micros)
        {
            histogram.RecordValue(value);
        }

        return histogram;
    }

    /// <summary>A histogram of 1, 2, …, <paramref name="n"/> µs, each once.</summary>
    public static HistogramBase OneTo(int n) => Micros(Enumerable.Range(1, n).Select(i => (long)i).ToArray());

    public static ScenarioStats Stats(long ok = 0, long fail = 0, double durationSeconds = 1, long dropped = 0,
        HistogramBase? histogram = null, IReadOnlyList<TagStats>? tags = null) => new()
    {
        ScenarioName = "s",
        Ok = ok,
        Fail = fail,
        Count = ok + fail,
        DurationSeconds = durationSeconds,
        Dropped = dropped,
        Histogram = histogram,
        Tags = tags ?? [],
    };

    public static TagStats Tag(string tag, long ok, long fail, HistogramBase? histogram = null) =>
        new(tag, ok + fail, ok, fail, histogram is null ? LatencyStats.Empty : LatencyStats.FromHistogram(histogram)) { Histogram = histogram };
}
