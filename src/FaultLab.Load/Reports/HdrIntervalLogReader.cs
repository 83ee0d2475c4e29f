using System.Globalization;
using System.Text;
using HdrHistogram;

namespace FaultLab.Load;

/// <summary>Reads v1.3 interval logs (ours or any HdrHistogram writer's compressed V2 format) and adds them up.</summary>
public static class HdrIntervalLogReader
{
    /// <summary>Reads every interval of a log file.</summary>
    /// <param name="path">The log file.</param>
    public static IReadOnlyList<IntervalHistogram> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads every interval of a log stream (left open).</summary>
    /// <param name="stream">The log.</param>
    public static IReadOnlyList<IntervalHistogram> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 4096, leaveOpen: true);
        var intervals = new List<IntervalHistogram>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("\"StartTimestamp\"", StringComparison.Ordinal))
            {
                continue;
            }

            string? tag = null;
            if (line.StartsWith("Tag=", StringComparison.Ordinal))
            {
                var comma = line.IndexOf(',', StringComparison.Ordinal);
                if (comma < 0)
                {
                    throw new FormatException($"Interval log line {lineNumber}: a Tag= with no interval fields after it.");
                }

                tag = line[4..comma];
                line = line[(comma + 1)..];
            }
            var fields = line.Split(',');
            if (fields.Length != 4)
            {
                throw new FormatException($"Interval log line {lineNumber}: expected 4 fields, found {fields.Length}.");
            }

            intervals.Add(new IntervalHistogram(tag,
                double.Parse(fields[0], CultureInfo.InvariantCulture),
                double.Parse(fields[1], CultureInfo.InvariantCulture),
                Histograms.DecodeCompressed(Convert.FromBase64String(fields[3]))));
        }
        return intervals;
    }

    /// <summary>
    /// Adds intervals into one histogram (microseconds) — the right way to combine several machines' results;
    /// averaging their percentiles is not.
    /// </summary>
    /// <param name="intervals">Intervals, e.g. from several logs.</param>
    /// <param name="tag">Only intervals with this tag, or all when null.</param>
    public static HistogramBase Sum(IEnumerable<IntervalHistogram> intervals, string? tag = null)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var total = Histograms.NewHistogram();
        var wanted = tag is null ? null : HdrIntervalLogWriter.SanitizeTag(tag);
        foreach (var interval in intervals.Where(i => wanted is null || (i.Tag is not null && HdrIntervalLogWriter.SanitizeTag(i.Tag) == wanted)))
        {
            total.Add(interval.Histogram);
        }

        return total;
    }
}
