namespace FaultLab.Load;

/// <summary>Runs a list of phases back to back on one <see cref="ScenarioRun"/>, carrying ramp start points across phases.</summary>
internal static class PhasePlan
{
    /// <summary>Total planned length, or null when an iteration-bound phase makes it unknowable.</summary>
    public static TimeSpan? PlannedDuration(IEnumerable<LoadSimulation> simulations)
    {
        var total = TimeSpan.Zero;
        foreach (var s in simulations)
        {
            if (s.Kind is LoadSimulationKind.IterationsForConstant or LoadSimulationKind.IterationsForInject)
            {
                return null;
            }

            total += s.During;
        }
        return total;
    }

    /// <summary>The load the warm-up runs: the first phase's steady level for the warm-up duration.</summary>
    public static LoadSimulation? WarmUpOf(LoadSimulation first, TimeSpan warmUp)
    {
        if (warmUp <= TimeSpan.Zero)
        {
            return null;
        }

        return first.Kind switch
        {
            LoadSimulationKind.Inject or LoadSimulationKind.IterationsForInject => Simulation.Inject(first.Rate, first.Interval, warmUp),
            LoadSimulationKind.RampingInject when first.Rate > 0 => Simulation.Inject(first.Rate, first.Interval, warmUp),
            LoadSimulationKind.KeepConstant or LoadSimulationKind.IterationsForConstant => Simulation.KeepConstant(first.Copies, warmUp),
            LoadSimulationKind.RampingConstant when first.Copies > 0 => Simulation.KeepConstant(first.Copies, warmUp),
            _ => null,
        };
    }

    /// <summary>Runs the phases; time-bound phases start at their planned time so small delays never accumulate.</summary>
    public static async Task RunAsync(ScenarioRun run, IReadOnlyList<LoadSimulation> simulations)
    {
        try
        {
            await RunPhasesAsync(run, simulations).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            // Aborted (threshold or caller): the statistics so far are still reported.
        }
    }

    private static async Task RunPhasesAsync(ScenarioRun run, IReadOnlyList<LoadSimulation> simulations)
    {
        double lastRate = 0;
        var lastCopies = 0;
        var phaseStart = run.StartTimestamp;
        foreach (var s in simulations)
        {
            if (run.Token.IsCancellationRequested)
            {
                return;
            }

            var phaseEnd = Pacer.Add(run.Time, phaseStart, s.During.TotalSeconds);
            switch (s.Kind)
            {
                case LoadSimulationKind.Inject:
                    await OpenModelDriver.RunAsync(run, Slice(run, ArrivalSchedule.Offsets(s.RatePerSecond, s.RatePerSecond, s.During.TotalSeconds)), s.RatePerSecond / run.Share.Count, phaseStart).ConfigureAwait(false);
                    lastRate = s.RatePerSecond;
                    break;
                case LoadSimulationKind.RampingInject:
                    await OpenModelDriver.RunAsync(run, Slice(run, ArrivalSchedule.Offsets(lastRate, s.RatePerSecond, s.During.TotalSeconds)), Math.Max(lastRate, s.RatePerSecond) / run.Share.Count, phaseStart).ConfigureAwait(false);
                    lastRate = s.RatePerSecond;
                    break;
                case LoadSimulationKind.IterationsForInject:
                    await OpenModelDriver.RunAsync(run, Slice(run, ArrivalSchedule.Offsets(s.RatePerSecond, s.RatePerSecond, double.MaxValue, s.Iterations)), s.RatePerSecond / run.Share.Count, phaseStart).ConfigureAwait(false);
                    lastRate = s.RatePerSecond;
                    phaseStart = await EndOfIterationPhaseAsync(run, phaseStart, (s.Iterations - 1) / s.RatePerSecond).ConfigureAwait(false);
                    continue;
                case LoadSimulationKind.KeepConstant:
                    await ClosedModelDriver.RunForAsync(run, s.Copies, s.Copies, phaseStart, phaseEnd).ConfigureAwait(false);
                    lastCopies = s.Copies;
                    break;
                case LoadSimulationKind.RampingConstant:
                    await ClosedModelDriver.RunForAsync(run, lastCopies, s.Copies, phaseStart, phaseEnd).ConfigureAwait(false);
                    lastCopies = s.Copies;
                    break;
                case LoadSimulationKind.IterationsForConstant:
                    await ClosedModelDriver.RunIterationsAsync(run, run.Share.Of(s.Copies), run.Share.IterationsOf(s.Iterations, s.Copies)).ConfigureAwait(false);
                    lastCopies = s.Copies;
                    phaseStart = run.Time.GetTimestamp();
                    continue;
            }
            // Time-bound phases (and Pause) last their full duration even if the last arrival came earlier.
            await Pacer.WaitUntilAsync(run.Time, phaseEnd, run.Token).ConfigureAwait(false);
            phaseStart = phaseEnd;
        }
    }
    /// <summary>An agent's arrivals: every n-th of the global schedule, offset by its index (all of them for one process).</summary>
    private static IEnumerable<double> Slice(ScenarioRun run, IEnumerable<double> offsets) =>
        run.Share.IsWhole ? offsets : offsets.Where((_, k) => run.Share.Owns(k));

    /// <summary>
    /// Where the phase after an iteration-bound open phase starts. One process starts it once its last arrival has
    /// fired; an agent waits for the global schedule's last arrival, which may be another agent's, so every agent
    /// starts the next phase at the same instant.
    /// </summary>
    private static async Task<long> EndOfIterationPhaseAsync(ScenarioRun run, long phaseStart, double lastOffsetSeconds)
    {
        if (run.Share.IsWhole)
        {
            return run.Time.GetTimestamp();
        }

        var end = Pacer.Add(run.Time, phaseStart, lastOffsetSeconds);
        await Pacer.WaitUntilAsync(run.Time, end, run.Token).ConfigureAwait(false);
        return end;
    }
}
