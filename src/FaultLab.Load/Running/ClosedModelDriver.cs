namespace FaultLab.Load;

/// <summary>
/// Runs closed-model phases: each copy starts its next iteration when the previous one completes. The copy
/// count follows a linear ramp (constant when both ends are equal); copies above the current target retire.
/// Each copy reports its active time so the statistics can correct for coordinated omission like wrk.
/// </summary>
internal static class ClosedModelDriver
{
    private static readonly TimeSpan RampStep = TimeSpan.FromMilliseconds(20);

    /// <summary>Runs a time-bound phase that ramps from <paramref name="fromCopies"/> to <paramref name="toCopies"/>.</summary>
    public static async Task RunForAsync(ScenarioRun run, int fromCopies, int toCopies, long phaseStart, long phaseEnd)
    {
        var target = new SharedNumber(fromCopies);
        var started = 0;
        var duration = run.Time.GetElapsedTime(phaseStart, phaseEnd);
        while (true)
        {
            var now = run.Time.GetTimestamp();
            if (now >= phaseEnd || run.Token.IsCancellationRequested)
            {
                return;
            }

            var progress = run.Time.GetElapsedTime(phaseStart, now) / duration;
            // The global target first, then this agent's share of it, so the agents' copies always add up to it.
            var globalTarget = (long)Math.Round(fromCopies + (toCopies - fromCopies) * Math.Clamp(progress, 0, 1));
            Volatile.Write(ref target.Value, run.Share.Of(globalTarget));
            for (; started < Volatile.Read(ref target.Value); started++)
            {
                var local = started;
                var copy = run.Share.Global(local);
                run.ClosedCopies.Add(Task.Run(() => CopyLoopAsync(run, copy, () => local < Volatile.Read(ref target.Value), phaseEnd, budget: null)));
            }
            var next = Pacer.Add(run.Time, now, fromCopies == toCopies ? duration.TotalSeconds : RampStep.TotalSeconds);
            await Pacer.WaitUntilAsync(run.Time, Math.Min(next, phaseEnd), run.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Runs an iteration-bound phase: <paramref name="copies"/> copies (this agent's) share <paramref name="iterations"/>.</summary>
    public static Task RunIterationsAsync(ScenarioRun run, int copies, long iterations)
    {
        var budget = new SharedNumber(iterations);
        var tasks = Enumerable.Range(0, copies)
            .Select(local => Task.Run(() => CopyLoopAsync(run, run.Share.Global(local), static () => true, long.MaxValue, budget)))
            .ToList();
        foreach (var task in tasks)
        {
            run.ClosedCopies.Add(task);
        }

        return Task.WhenAll(tasks);
    }

    private static async Task CopyLoopAsync(ScenarioRun run, int copy, Func<bool> stillWanted, long phaseEnd, SharedNumber? budget)
    {
        var activeFrom = run.Elapsed(run.Time.GetTimestamp());
        run.Recorder.BeginClosedCopy(activeFrom);
        try
        {
            while (!run.Token.IsCancellationRequested && stillWanted())
            {
                var start = run.Time.GetTimestamp();
                if (start >= phaseEnd || (budget is not null && Interlocked.Decrement(ref budget.Value) < 0))
                {
                    return;
                }

                await run.RunIterationAsync(start, copy, closedModel: true).ConfigureAwait(false);
            }
        }
        finally
        {
            run.Recorder.EndClosedCopy(activeFrom, run.Elapsed(run.Time.GetTimestamp()));
        }
    }

    /// <summary>A shared mutable number (ramp target or iteration budget).</summary>
    private sealed class SharedNumber(long value)
    {
        public long Value = value;
    }
}
