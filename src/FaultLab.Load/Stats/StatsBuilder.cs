namespace FaultLab.Load;

/// <summary>Turns a finished run's recorder and aggregator into immutable <see cref="ScenarioStats"/>.</summary>
internal static class StatsBuilder
{
    public static ScenarioStats Build(string name, double durationSeconds, StatsRecorder recorder, IntervalAggregator aggregator)
    {
        var measured = Histograms.NewHistogram();
        measured.Add(aggregator.OpenTotal);
        measured.Add(aggregator.ClosedTotal);

        // wrk's end-of-run correction: the expected interval is the mean time one copy took per iteration.
        var closedCount = aggregator.ClosedTotal.TotalCount;
        var intervalMicros = closedCount == 0 ? 0
            : recorder.ClosedCopyTicksUntil(TimeSpan.FromSeconds(durationSeconds)) / 10 / closedCount;
        var corrected = Histograms.NewHistogram();
        corrected.Add(aggregator.OpenTotal);
        Histograms.AddCorrected(corrected, aggregator.ClosedTotal, intervalMicros);

        var statusCodes = recorder.StatusCodes
            .Select(kv => new StatusCodeStats(kv.Key == OutcomeCounter.NoStatusCode ? null : kv.Key,
                kv.Value.Ok + kv.Value.Fail, kv.Value.Ok, kv.Value.Fail))
            .Concat(OutcomeStatsBuilder.TextCodes(recorder.Outcomes))
            .Where(s => s.Count > 0)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToList();
        var lag = Histograms.Snapshot(recorder.ScheduleLag);
        var (ok, fail) = OutcomeStatsBuilder.Build(recorder.Outcomes);
        var tags = recorder.Tags
            .Select(kv => (kv.Key, Tag: kv.Value, Latency: Histograms.Snapshot(kv.Value.Latency)))
            .Select(t => new TagStats(t.Key, t.Tag.Ok + t.Tag.Fail, t.Tag.Ok, t.Tag.Fail, LatencyStats.FromHistogram(t.Latency)) { Histogram = t.Latency })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();

        return new ScenarioStats
        {
            ScenarioName = name,
            DurationSeconds = durationSeconds,
            Ok = recorder.Ok,
            Fail = recorder.Fail,
            Count = recorder.Ok + recorder.Fail,
            Dropped = recorder.Dropped,
            Bytes = recorder.Bytes,
            Latency = LatencyStats.FromHistogram(corrected),
            LatencyMeasured = LatencyStats.FromHistogram(measured),
            CorrectionApplied = closedCount > 0,
            CorrectionIntervalMs = intervalMicros / 1000.0,
            ScheduleLag = LatencyStats.FromHistogram(lag),
            ScheduleLagHistogram = lag,
            StatusCodes = statusCodes,
            Tags = tags,
            OkStats = ok,
            FailStats = fail,
            Steps = OutcomeStatsBuilder.Steps(recorder.Steps),
            Histogram = corrected,
            MeasuredHistogram = measured,
        };
    }
}
