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

    public static Task RunAsync(ScenarioRun run, IEnumerable<double> offsets, double meanRatePerSecond, long phaseStart)
    {
        var precise = meanRatePerSecond > 0 && 1 / meanRatePerSecond >= PreciseGapSeconds;
        if (!ReferenceEquals(run.Time, TimeProvider.System))
        {
            return RunOnTimersAsync(run, offsets, phaseStart);
        }
        // Real time: a dedicated thread, so the schedule never waits for a free thread-pool thread.
        return Task.Factory.StartNew(() =>
        {
            foreach (var offset in offsets)
            {
                var due = Pacer.Add(run.Time, phaseStart, offset);
                Pacer.WaitUntilBlocking(run.Time, due, precise, run.Token);
                Fire(run, due);
            }
        }, run.Token, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
    }

    /// <summary>Fake clocks (tests): timer waits only, same batching semantics.</summary>
    private static async Task RunOnTimersAsync(ScenarioRun run, IEnumerable<double> offsets, long phaseStart)
    {
        foreach (var offset in offsets)
        {
            var due = Pacer.Add(run.Time, phaseStart, offset);
            await Pacer.WaitUntilAsync(run.Time, due, run.Token).ConfigureAwait(false);
            Fire(run, due);
        }
    }

    private static void Fire(ScenarioRun run, long due)
    {
        if (!run.Slots.TryTake(out var slot))
        {
            run.Recorder.RecordDropped();
            run.Instruments?.Dropped();
            return;
        }
        // Off the dispatcher thread, so a step that runs synchronously for a while cannot delay the schedule.
        _ = Task.Run(async () =>
        {
            try
            {
                if (run.Token.IsCancellationRequested)
                {
                    return; // stopped (MaxFailCount, an abort rule, the caller) while this arrival was queued: it never starts
                }

                // Lag is taken where the step really starts, so thread-pool queueing counts as generator lag too.
                run.Recorder.RecordScheduleLag(run.Time.GetElapsedTime(due, run.Time.GetTimestamp()));
                await run.RunIterationAsync(due, slot, closedModel: false).ConfigureAwait(false);
            }
            finally
            {
                run.Slots.Return(slot);
            }
        });
    }
}
