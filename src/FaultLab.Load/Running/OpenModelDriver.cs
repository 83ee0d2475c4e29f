namespace FaultLab.Load;

/// <summary>
/// Runs open-model phases: arrivals follow a precomputed schedule whatever the completions do. Each due
/// arrival takes a concurrency slot or is dropped; when the dispatcher wakes late, every overdue arrival
/// fires at once, each keeping its own intended start for latency.
/// </summary>
internal static class OpenModelDriver
{
    /// <summary>Below this gap between arrivals, precise spinning would burn a core; batching is as accurate.</summary>
    private const double PreciseGapSeconds = 0.002;

    public static async Task RunAsync(ScenarioRun run, IEnumerable<double> offsets, double meanRatePerSecond, long phaseStart)
    {
        var precise = meanRatePerSecond > 0 && 1 / meanRatePerSecond >= PreciseGapSeconds;
        foreach (var offset in offsets)
        {
            var due = Pacer.Add(run.Time, phaseStart, offset);
            await Pacer.WaitUntilAsync(run.Time, due, precise, run.Token).ConfigureAwait(false);
            if (!run.Slots.TryTake(out var slot))
            {
                run.Recorder.RecordDropped();
                continue;
            }
            run.Recorder.RecordScheduleLag(run.Time.GetElapsedTime(due, run.Time.GetTimestamp()));
            // Off the dispatcher thread, so a step that runs synchronously for a while cannot delay the schedule.
            _ = Task.Run(async () =>
            {
                try { await run.RunIterationAsync(due, slot, closedModel: false).ConfigureAwait(false); }
                finally { run.Slots.Return(slot); }
            });
        }
    }
}
