using HdrHistogram;
using HdrHistogram.Utilities;

namespace FaultLab.Load;

/// <summary>Histogram helpers shared by the recorder, the statistics and the interval log.</summary>
internal static class Histograms
{
    /// <summary>Latencies are recorded in microseconds up to one hour; larger values are clamped, not lost.</summary>
    public const long HighestMicros = 3_600_000_000;

    /// <summary>Three significant digits: 0.1 % value precision at fixed memory.</summary>
    public const int Digits = 3;

    public static HistogramBase NewHistogram() => new LongHistogram(1, HighestMicros, Digits);

    public static HistogramBase NewConcurrentHistogram() => new LongConcurrentHistogram(1, HighestMicros, Digits);

    /// <summary>Payload sizes are recorded in bytes up to 1 TiB (larger ones clamped), at two significant digits.</summary>
    public const long HighestBytes = 1L << 40;

    public static HistogramBase NewConcurrentSizeHistogram() => new LongConcurrentHistogram(1, HighestBytes, 2);

    /// <summary>
    /// A private copy of a histogram that may still be recorded into (an abort rule evaluated mid-run): copying
    /// reads the counts by index, while enumerating a live histogram throws when a recording lands meanwhile.
    /// </summary>
    public static HistogramBase Snapshot(HistogramBase live)
    {
        var copy = NewHistogram();
        copy.Add(live);
        return copy;
    }

    /// <summary>A private copy of a live payload-size histogram (see <see cref="Snapshot"/>).</summary>
    public static HistogramBase SnapshotSizes(HistogramBase live)
    {
        var copy = new LongHistogram(1, HighestBytes, 2);
        copy.Add(live);
        return copy;
    }

    public static Recorder NewRecorder() =>
        new(1, HighestMicros, Digits, (id, low, high, digits) => new LongConcurrentHistogram(id, low, high, digits));

    /// <summary>Clamped to [1 µs, 1 h]: a histogram value must be positive and within range.</summary>
    public static long ToMicros(TimeSpan value) => Math.Clamp(value.Ticks / 10, 1, HighestMicros);

    /// <summary>
    /// Adds <paramref name="source"/> to <paramref name="target"/>, back-filling the samples a closed loop
    /// could not send while it waited. This is HdrHistogram's RecordValueWithExpectedInterval applied per
    /// bucket with the bucket's count (same arithmetic, one call per bucket instead of per sample).
    /// </summary>
    public static void AddCorrected(HistogramBase target, HistogramBase source, long expectedIntervalMicros)
    {
        foreach (var bucket in source.RecordedValues())
        {
            var value = bucket.ValueIteratedTo;
            var count = bucket.CountAtValueIteratedTo;
            target.RecordValueWithCount(value, count);
            if (expectedIntervalMicros <= 0)
            {
                continue;
            }

            // A value at or below the interval hid no sample: the first missing one would be below the interval.
            for (var missing = value - expectedIntervalMicros; missing >= expectedIntervalMicros; missing -= expectedIntervalMicros)
            {
                target.RecordValueWithCount(missing, count);
            }
        }
    }

    /// <summary>Encodes in the compressed V2 form used by interval logs.</summary>
    public static byte[] EncodeCompressed(HistogramBase histogram)
    {
        // ByteBuffer.Allocate(byte[]) copies its argument, so the encoded bytes are read back out of the buffer.
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity() + 64);
        var length = HistogramEncoding.EncodeIntoCompressedByteBuffer(histogram, buffer);
        buffer.Position = 0;
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return bytes;
    }

    /// <summary>Decodes the compressed V2 form.</summary>
    public static HistogramBase DecodeCompressed(byte[] bytes) =>
        HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), 0);
}
