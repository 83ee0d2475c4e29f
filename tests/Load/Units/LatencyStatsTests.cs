using static FaultLab.Load.Tests.Units.StatsFixtures;

namespace FaultLab.Load.Tests.Units;

/// <summary>Summaries of histograms whose every value is known: 1 … 1000 µs, each once.</summary>
public sealed class LatencyStatsTests
{
    [Fact]
    public void Summarises_count_min_mean_max_deviation_and_percentiles_in_milliseconds()
    {
        var stats = LatencyStats.FromHistogram(Micros(Enumerable.Range(101, 1000).Select(i => (long)i).ToArray())); // 101 … 1100 µs

        Assert.Equal(1000, stats.Count);
        Assert.Equal(0.101, stats.MinMs, 9);
        Assert.Equal(0.6005, stats.MeanMs, 9);
        Assert.Equal(1.1, stats.MaxMs, 9);
        Assert.Equal(Math.Sqrt((1000.0 * 1000 - 1) / 12) / 1000, stats.StdDevMs, 9); // population deviation of 1000 consecutive integers
        Assert.Equal(0.6, stats.P50Ms, 9);
        Assert.Equal(0.85, stats.P75Ms, 9);
        Assert.Equal(1.05, stats.P95Ms, 9);
        Assert.Equal(1.09, stats.P99Ms, 9);
        Assert.Equal(1.099, stats.P999Ms, 9);
    }

    [Fact]
    public void An_empty_histogram_is_the_empty_summary_and_every_percentile_of_it_is_zero()
    {
        Assert.Same(LatencyStats.Empty, LatencyStats.FromHistogram(Micros()));
        Assert.Equal(new LatencyStats(), LatencyStats.Empty);
        Assert.Equal(0, LatencyStats.Percentile(Micros(), 99));
        Assert.Throws<ArgumentNullException>(() => LatencyStats.FromHistogram(null!));
    }

    [Fact]
    public void Percentile_reads_any_percentile_in_milliseconds()
    {
        var histogram = OneTo(1000);

        Assert.Equal(0.001, LatencyStats.Percentile(histogram, 0), 9);
        Assert.Equal(0.25, LatencyStats.Percentile(histogram, 25), 9);
        Assert.Equal(0.5, LatencyStats.Percentile(histogram, 50), 9);
        Assert.Equal(1, LatencyStats.Percentile(histogram, 100), 9);
    }

    [Fact]
    public void A_single_value_is_its_own_minimum_maximum_and_every_percentile()
    {
        var stats = LatencyStats.FromHistogram(Micros(1500));

        Assert.Equal((1L, 1.5, 1.5, 1.5, 0.0, 1.5, 1.5), (stats.Count, stats.MinMs, stats.MeanMs, stats.MaxMs, stats.StdDevMs, stats.P50Ms, stats.P999Ms));
    }
}
