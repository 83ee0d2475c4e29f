using HdrHistogram;

namespace FaultLab.Load;

/// <summary>Turns an <see cref="OutcomeRecorder"/> into immutable per-outcome statistics.</summary>
internal static class OutcomeStatsBuilder
{
    public static (OutcomeStats Ok, OutcomeStats Fail) Build(OutcomeRecorder recorder) =>
        (Side(recorder.Ok, recorder, ok: true), Side(recorder.Fail, recorder, ok: false));

    public static IReadOnlyList<StepStats> Steps(StepsRecorder steps) => steps.Steps
        .Select(kv => (kv.Key, Stats: Build(kv.Value)))
        .Select(s => new StepStats { Name = s.Key, Ok = s.Stats.Ok, Fail = s.Stats.Fail })
        .OrderBy(s => steps.OrderOf(s.Name)).ThenBy(s => s.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The breakdown of both outcomes together, textual codes included.</summary>
    public static IEnumerable<StatusCodeStats> TextCodes(OutcomeRecorder recorder) => recorder.Texts
        .Select(kv => new StatusCodeStats(null, kv.Value.Ok + kv.Value.Fail, kv.Value.Ok, kv.Value.Fail) { Text = kv.Key })
        .Where(s => s.Count > 0);

    private static OutcomeStats Side(OutcomeRecorder.Side side, OutcomeRecorder recorder, bool ok)
    {
        long Pick(OutcomeCounter c) => ok ? c.Ok : c.Fail;
        var codes = recorder.Codes
            .Select(kv => new StatusCodeStats(kv.Key == OutcomeCounter.NoStatusCode ? null : kv.Key, Pick(kv.Value), ok ? Pick(kv.Value) : 0, ok ? 0 : Pick(kv.Value)))
            .Concat(recorder.Texts.Select(kv => new StatusCodeStats(null, Pick(kv.Value), ok ? Pick(kv.Value) : 0, ok ? 0 : Pick(kv.Value)) { Text = kv.Key }))
            .Where(s => s.Count > 0)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToList();
        var latency = Histograms.Snapshot(side.Latency);
        return new OutcomeStats
        {
            Count = side.Count,
            Latency = LatencyStats.FromHistogram(latency),
            LatencyHistogram = latency,
            Bytes = Sizes(Histograms.SnapshotSizes(side.Bytes), side.TotalBytes),
            StatusCodes = codes,
        };
    }

    private static SizeStats Sizes(HistogramBase histogram, long total)
    {
        if (histogram.TotalCount == 0)
        {
            return SizeStats.Empty;
        }

        long At(double percentile) => histogram.GetValueAtPercentile(percentile);
        long min = 0;
        foreach (var v in histogram.RecordedValues())
        {
            min = histogram.LowestEquivalentValue(v.ValueIteratedTo);
            break;
        }
        return new SizeStats
        {
            Count = histogram.TotalCount,
            TotalBytes = total,
            MinBytes = min,
            MeanBytes = (double)total / histogram.TotalCount,
            MaxBytes = histogram.GetMaxValue(),
            StdDevBytes = histogram.GetStdDeviation(),
            P50Bytes = At(50),
            P75Bytes = At(75),
            P95Bytes = At(95),
            P99Bytes = At(99),
        };
    }
}
