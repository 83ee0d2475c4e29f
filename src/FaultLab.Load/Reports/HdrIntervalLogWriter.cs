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
        }), HeaderComments(result));
    }

    /// <summary>Writes intervals to a stream (left open).</summary>
    /// <param name="stream">Destination.</param>
    /// <param name="startTime">The absolute time interval start offsets are relative to.</param>
    /// <param name="intervals">The intervals; histogram values are microseconds.</param>
    public static void Write(Stream stream, DateTimeOffset startTime, IEnumerable<IntervalHistogram> intervals) =>
        Write(stream, startTime, intervals, []);

    /// <summary>An agent's log says which slice of which schedule it holds, as its JSON report does.</summary>
    private static IEnumerable<string> HeaderComments(LoadTestResult result)
    {
        if (result.Agent is { } agent)
        {
            yield return string.Format(Inv, "#[FaultLab agent {0} of {1}, schedule {2}, start instant {3}]", agent.Index, agent.Count,
                result.ScheduleFingerprint, agent.StartAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", Inv) : "none");
        }

        if (result.MergedAgents.Count > 0)
        {
            yield return string.Format(Inv, "#[FaultLab merge of {0} agents, schedule {1}]", result.MergedAgents.Count, result.ScheduleFingerprint);
        }
    }

    private static void Write(Stream stream, DateTimeOffset startTime, IEnumerable<IntervalHistogram> intervals, IEnumerable<string> comments)
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
        foreach (var comment in comments)
        {
            writer.WriteLine(comment);
        }

        writer.WriteLine("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"");
        foreach (var interval in intervals)
        {
            if (interval.Tag is { Length: > 0 } tag)
            {
                writer.Write("Tag=" + SanitizeTag(tag) + ",");
            }

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
