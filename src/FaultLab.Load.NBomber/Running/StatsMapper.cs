namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using Engine = FaultLab.Load;

/// <summary>FaultLab.Load's statistics in NBomber's shape (counts as int and percentages as whole numbers, like NBomber).</summary>
internal static class StatsMapper
{
    public static ScenarioStats Map(Engine.ScenarioStats st, IReadOnlyList<LoadSimulation> simulations, int sortIndex)
    {
        var all = st.OkStats.Count + st.FailStats.Count;
        var steps = st.Steps.Select((s, i) => new StepStats(s.Name, Measure(s.Ok, s.Count, st.DurationSeconds, false),
            Measure(s.Fail, s.Count, st.DurationSeconds, true), i)).ToArray();
        // NBomber's scenario-level status codes include its steps' (the iteration's own code, if any, plus each step's).
        var okCodes = Merge(st.OkStats.StatusCodes.Concat(st.Steps.SelectMany(s => s.Ok.StatusCodes)));
        var failCodes = Merge(st.FailStats.StatusCodes.Concat(st.Steps.SelectMany(s => s.Fail.StatusCodes)));
        var allCodes = okCodes.Sum(c => c.Count) + failCodes.Sum(c => c.Count);
        return new ScenarioStats
        {
            ScenarioName = st.ScenarioName,
            Ok = Measure(st.OkStats, all, st.DurationSeconds, false) with { StatusCodes = Codes(okCodes, allCodes, false) },
            Fail = Measure(st.FailStats, all, st.DurationSeconds, true) with { StatusCodes = Codes(failCodes, allCodes, true) },
            StepStats = steps,
            LoadSimulationStats = Last(simulations),
            CurrentOperation = OperationType.Complete,
            AllRequestCount = (int)all,
            AllOkCount = (int)st.OkStats.Count,
            AllFailCount = (int)st.FailStats.Count,
            AllBytes = st.Bytes + st.Steps.Sum(s => s.Ok.Bytes.TotalBytes + s.Fail.Bytes.TotalBytes),
            Duration = TimeSpan.FromSeconds(st.DurationSeconds),
            SortIndex = sortIndex,
        };
    }

    private static List<(string Label, long Count)> Merge(IEnumerable<Engine.StatusCodeStats> codes) => codes
        .Where(c => c.Label != "none")
        .GroupBy(c => c.Label, StringComparer.Ordinal)
        .Select(g => (g.Key, g.Sum(c => c.Count)))
        .OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal)
        .ToList();

    private static StatusCodeStats[] Codes(List<(string Label, long Count)> codes, long all, bool isError) =>
        codes.Select(c => new StatusCodeStats(c.Label, isError, "", (int)c.Count, Percent(c.Count, all))).ToArray();

    private static MeasurementStats Measure(Engine.OutcomeStats outcome, long all, double seconds, bool isError)
    {
        var l = outcome.Latency;
        var b = outcome.Bytes;
        return new MeasurementStats(
            new RequestStats((int)outcome.Count, seconds > 0 ? outcome.Count / seconds : 0, Percent(outcome.Count, all)),
            new LatencyStats(l.MinMs, l.MeanMs, l.MaxMs, l.P50Ms, l.P75Ms, l.P95Ms, l.P99Ms, l.StdDevMs, Bands(outcome.LatencyHistogram)),
            new DataTransferStats(b.MinBytes, (long)Math.Round(b.MeanBytes), b.MaxBytes, b.P50Bytes, b.P75Bytes, b.P95Bytes, b.P99Bytes,
                b.StdDevBytes, b.TotalBytes),
            outcome.StatusCodes.Where(c => c.Label != "none")
                .Select(c => new StatusCodeStats(c.Label, isError, "", (int)c.Count, Percent(c.Count, all))).ToArray());
    }

    private static LatencyCount Bands(HdrHistogram.HistogramBase? micros)
    {
        if (micros is null || micros.TotalCount == 0)
            return new LatencyCount(0, 0, 0);
        long upTo800 = 0, below1200 = 0;
        foreach (var bucket in micros.RecordedValues())
        {
            if (bucket.ValueIteratedTo <= 800_000) upTo800 += bucket.CountAtValueIteratedTo;
            if (bucket.ValueIteratedTo < 1_200_000) below1200 += bucket.CountAtValueIteratedTo;
        }
        return new LatencyCount((int)upTo800, (int)(below1200 - upTo800), (int)(micros.TotalCount - below1200));
    }

    private static int Percent(long part, long all) => all == 0 ? 0 : (int)Math.Round(100.0 * part / all, MidpointRounding.AwayFromZero);

    private static LoadSimulationStats Last(IReadOnlyList<LoadSimulation> simulations)
    {
        if (simulations.Count == 0)
            return new LoadSimulationStats("", 0);
        var last = simulations[^1];
        var name = last.Type switch
        {
            LoadSimulationType.RampingConstant => "ramping_constant",
            LoadSimulationType.KeepConstant => "keep_constant",
            LoadSimulationType.IterationsForConstant => "iterations_for_constant",
            LoadSimulationType.IterationsForInject => "iterations_for_inject",
            LoadSimulationType.RampingInject => "ramping_inject",
            LoadSimulationType.Inject => "inject",
            LoadSimulationType.InjectRandom => "inject_random",
            _ => "pause",
        };
        return new LoadSimulationStats(name, last.Type is LoadSimulationType.RampingConstant or LoadSimulationType.KeepConstant
            or LoadSimulationType.IterationsForConstant ? last.Copies : last.Rate);
    }
}
