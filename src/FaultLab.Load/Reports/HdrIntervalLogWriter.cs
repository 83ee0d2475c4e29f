using System.Globalization;
using System.Text;

namespace FaultLab.Load;

/// <summary>
/// Writes HdrHistogram interval logs in the v1.3 text format: UTF-8 (no BOM), invariant culture, "\n" line
/// ends. HdrHistogram.NET's own writer uses UTF-16 and the current culture, which other tools cannot read.
/// </summary>
public static class HdrIntervalLogWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes the intervals of every scenario of a run, tagged with the scenario name.</summary>
    /// <param name="path">File to create or overwrite.</param>
    /// <param name="result">The run.</param>
    public static void Write(string path, LoadTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = File.Create(path);
        // Each scenario's intervals count from its own measured start (after init and warm-up); the log counts
        // from the run's start, so they are shifted onto that one origin.
        Write(stream, result.StartedAt, result.Scenarios.SelectMany(s =>
        {
            var offset = s.MeasuredStartedAt == default ? 0 : (s.MeasuredStartedAt - result.StartedAt).TotalSeconds;
            return s.Intervals.Select(i => i with { StartSeconds = i.StartSeconds + offset });
        }));
    }

    /// <summary>Writes intervals to a stream (left open).</summary>
    /// <param name="stream">Destination.</param>
    /// <param name="startTime">The absolute time interval start offsets are relative to.</param>
    /// <param name="intervals">The intervals; histogram values are microseconds.</param>
    public static void Write(Stream stream, DateTimeOffset startTime, IEnumerable<IntervalHistogram> intervals)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(intervals);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 4096, leaveOpen: true)
        {
            NewLine = "\n",
        };
        var epochSeconds = startTime.ToUnixTimeMilliseconds() / 1000.0;
        writer.WriteLine("#[Histogram log format version 1.3]");
        writer.WriteLine(string.Format(Inv, "#[StartTime: {0:0.000} (seconds since epoch), {1:yyyy-MM-ddTHH:mm:ss.fffZ}]",
            epochSeconds, startTime.UtcDateTime));
        writer.WriteLine("#[Written by FaultLab.Load: values are latencies in microseconds; Interval_Max is in milliseconds]");
        writer.WriteLine("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"");
        foreach (var interval in intervals)
        {
            if (interval.Tag is { Length: > 0 } tag)
                writer.Write("Tag=" + SanitizeTag(tag) + ",");
            var max = interval.Histogram.TotalCount == 0 ? 0 : HdrHistogram.HistogramExtensions.GetMaxValue(interval.Histogram) / 1000.0;
            writer.WriteLine(string.Format(Inv, "{0:0.000},{1:0.000},{2:0.000},{3}", interval.StartSeconds, interval.LengthSeconds, max,
                Convert.ToBase64String(Histograms.EncodeCompressed(interval.Histogram))));
        }
    }

    /// <summary>Tags cannot hold the log's separators; they are replaced by '_'.</summary>
    /// <param name="tag">Raw tag.</param>
    public static string SanitizeTag(string tag) =>
        new(tag.Select(c => c is ',' or ' ' or '\r' or '\n' or '\t' ? '_' : c).ToArray());
}
