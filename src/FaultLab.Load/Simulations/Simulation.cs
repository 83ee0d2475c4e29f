namespace FaultLab.Load;

/// <summary>
/// Factory for load simulations. Every factory validates its arguments immediately, so bad input fails
/// where it is written, before any load is generated.
/// </summary>
public static class Simulation
{
    /// <summary>Open model: start <paramref name="rate"/> iterations per <paramref name="interval"/>, on a fixed schedule,
    /// whether or not earlier ones have completed. Rates below one per second work (rate 1, interval 5 s).</summary>
    /// <param name="rate">Arrivals per interval; must be positive.</param>
    /// <param name="interval">The interval; must be positive.</param>
    /// <param name="during">Phase duration; must be positive.</param>
    public static LoadSimulation Inject(double rate, TimeSpan interval, TimeSpan during)
    {
        RequireRate(rate, interval);
        RequirePositive(during, nameof(during));
        return new LoadSimulation(LoadSimulationKind.Inject, rate, interval, during);
    }

    /// <summary>Open model: ramp the arrival rate linearly from the previous open phase's rate (0 if none)
    /// to <paramref name="rate"/> per <paramref name="interval"/> over <paramref name="during"/>.</summary>
    /// <param name="rate">Target arrivals per interval; zero ramps down to nothing.</param>
    /// <param name="interval">The interval; must be positive.</param>
    /// <param name="during">Ramp duration; must be positive.</param>
    public static LoadSimulation RampingInject(double rate, TimeSpan interval, TimeSpan during)
    {
        FiniteNumber.Require(rate, nameof(rate));
        ArgumentOutOfRangeException.ThrowIfNegative(rate);

        RequirePositive(interval, nameof(interval));
        RequirePositive(during, nameof(during));
        return new LoadSimulation(LoadSimulationKind.RampingInject, rate, interval, during);
    }

    /// <summary>Open model: arrivals at a fixed rate until <paramref name="iterations"/> have been scheduled.</summary>
    /// <param name="rate">Arrivals per interval; must be positive.</param>
    /// <param name="interval">The interval; must be positive.</param>
    /// <param name="iterations">How many arrivals to schedule; must be positive.</param>
    public static LoadSimulation IterationsForInject(double rate, TimeSpan interval, long iterations)
    {
        RequireRate(rate, interval);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);

        return new LoadSimulation(LoadSimulationKind.IterationsForInject, rate, interval, iterations: iterations);
    }

    /// <summary>Closed model: <paramref name="copies"/> copies each run the step back to back for <paramref name="during"/>.</summary>
    /// <param name="copies">Concurrent copies; must be positive.</param>
    /// <param name="during">Phase duration; must be positive.</param>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during)
    {
        RequireCopies(copies);
        RequirePositive(during, nameof(during));
        return new LoadSimulation(LoadSimulationKind.KeepConstant, during: during, copies: copies);
    }

    /// <summary>Closed model: ramp the copies linearly from the previous closed phase's count (0 if none)
    /// to <paramref name="copies"/> over <paramref name="during"/>.</summary>
    /// <param name="copies">Target copies; zero ramps down to nothing.</param>
    /// <param name="during">Ramp duration; must be positive.</param>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copies);

        RequirePositive(during, nameof(during));
        return new LoadSimulation(LoadSimulationKind.RampingConstant, during: during, copies: copies);
    }

    /// <summary>Closed model: <paramref name="copies"/> copies share <paramref name="iterations"/> iterations.</summary>
    /// <param name="copies">Concurrent copies; must be positive.</param>
    /// <param name="iterations">Total iterations across copies; must be positive.</param>
    public static LoadSimulation IterationsForConstant(int copies, long iterations)
    {
        RequireCopies(copies);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);

        return new LoadSimulation(LoadSimulationKind.IterationsForConstant, copies: copies, iterations: iterations);
    }

    /// <summary>No new iterations for <paramref name="during"/>.</summary>
    /// <param name="during">Pause duration; must be positive.</param>
    public static LoadSimulation Pause(TimeSpan during)
    {
        RequirePositive(during, nameof(during));
        return new LoadSimulation(LoadSimulationKind.Pause, during: during);
    }

    private static void RequireRate(double rate, TimeSpan interval)
    {
        FiniteNumber.Require(rate, nameof(rate));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);

        RequirePositive(interval, nameof(interval));
    }

    private static void RequireCopies(int copies)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
    }
}
