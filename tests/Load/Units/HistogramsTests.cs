using HdrHistogram;
using static FaultLab.Load.Tests.Units.StatsFixtures;

namespace FaultLab.Load.Tests.Units;

/// <summary>The histogram helpers: clamping, coordinated-omission back-fill, snapshots and the compressed encoding.</summary>
public sealed class HistogramsTests
{
    [Fact]
    public void Latencies_become_whole_microseconds_clamped_to_one_microsecond_and_one_hour()
    {
        Assert.Equal(1, Histograms.ToMicros(TimeSpan.Zero));
        Assert.Equal(1, Histograms.ToMicros(TimeSpan.FromTicks(9)));
        Assert.Equal(1, Histograms.ToMicros(TimeSpan.FromTicks(-50)));
        Assert.Equal(2, Histograms.ToMicros(TimeSpan.FromTicks(25)));
        Assert.Equal(1_500, Histograms.ToMicros(TimeSpan.FromMilliseconds(1.5)));
        Assert.Equal(3_600_000_000, Histograms.ToMicros(TimeSpan.FromHours(1)));
        Assert.Equal(3_600_000_000, Histograms.ToMicros(TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Back_fill_adds_one_sample_per_missed_interval_down_to_the_interval_itself()
    {
        var target = Histograms.NewHistogram();

        Histograms.AddCorrected(target, Micros(1000, 1000, 600), expectedIntervalMicros: 300);

        // 1000 → 700, 400 (100 is below the interval); 600 → 300 (exactly the interval is still missed once).
        Assert.Equal([(300L, 1L), (400L, 2L), (600L, 1L), (700L, 2L), (1000L, 2L)], Buckets(target));
    }

    [Fact]
    public void Without_an_interval_or_below_it_nothing_is_back_filled()
    {
        var none = Histograms.NewHistogram();
        var atInterval = Histograms.NewHistogram();

        Histograms.AddCorrected(none, Micros(1000, 50), expectedIntervalMicros: 0);
        Histograms.AddCorrected(atInterval, Micros(300, 200), expectedIntervalMicros: 300);

        Assert.Equal([(50L, 1L), (1000L, 1L)], Buckets(none));
        Assert.Equal([(200L, 1L), (300L, 1L)], Buckets(atInterval));
    }

    [Fact]
    public void Back_fill_adds_to_what_the_target_already_holds()
    {
        var target = Micros(5);

        Histograms.AddCorrected(target, Micros(20), expectedIntervalMicros: 10);

        Assert.Equal([(5L, 1L), (10L, 1L), (20L, 1L)], Buckets(target));
    }

    [Fact]
    public void A_snapshot_is_a_private_copy()
    {
        var live = Histograms.NewConcurrentHistogram();
        live.RecordValue(42);
        var sizes = Histograms.NewConcurrentSizeHistogram();
        sizes.RecordValue(Histograms.HighestBytes);

        var copy = Histograms.Snapshot(live);
        var sizeCopy = Histograms.SnapshotSizes(sizes);
        live.RecordValue(43);

        Assert.Equal([(42L, 1L)], Buckets(copy));
        Assert.Equal(1, sizeCopy.TotalCount);
        Assert.Equal(sizes.GetMaxValue(), sizeCopy.GetMaxValue());
        Assert.True(sizeCopy.GetMaxValue() >= 1L << 40, "a 1 TiB payload fits the size histogram");
    }

    [Fact]
    public void The_compressed_encoding_round_trips_every_bucket()
    {
        var histogram = Micros(1, 7, 7, 1999, 250_000, 3_600_000_000);

        var decoded = Histograms.DecodeCompressed(Histograms.EncodeCompressed(histogram));

        Assert.Equal(Buckets(histogram), Buckets(decoded));
        Assert.Equal(6, decoded.TotalCount);
    }

    [Fact]
    public void A_recorder_interval_holds_what_was_recorded_since_the_last_swap()
    {
        var recorder = Histograms.NewRecorder();
        recorder.RecordValue(3_600_000_000);
        recorder.RecordValue(12);

        var interval = recorder.GetIntervalHistogram();

        Assert.Equal(2, interval.TotalCount);
        Assert.Equal(0, recorder.GetIntervalHistogram().TotalCount);
    }

    internal static IReadOnlyList<(long Value, long Count)> Buckets(HistogramBase histogram) =>
        histogram.RecordedValues().Select(v => (histogram.LowestEquivalentValue(v.ValueIteratedTo), v.CountAtValueIteratedTo)).ToList();
}
