namespace FaultLab.Load.NBomber.CSharp;

using FaultLab.Load.NBomber.Contracts;

/// <summary>
/// Load simulations, as NBomber's <c>Simulation</c>. Arguments are validated where they are written. The open-model
/// ones spread each interval's arrivals evenly over the interval (FaultLab's schedule) instead of injecting them
/// as one burst at the start of each interval.
/// </summary>
public static class Simulation
{
    /// <summary>Closed model: ramps the copies linearly from the previous closed simulation's count (or 0).</summary>
    /// <param name="copies">Target copies, zero or more.</param>
    /// <param name="during">Duration, positive.</param>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copies);
        Positive(during, nameof(during));
        return new(LoadSimulationType.RampingConstant, copies: copies, during: during);
    }

    /// <summary>Closed model: keeps <paramref name="copies"/> copies running back to back.</summary>
    /// <param name="copies">Copies, positive.</param>
    /// <param name="during">Duration, positive.</param>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
        Positive(during, nameof(during));
        return new(LoadSimulationType.KeepConstant, copies: copies, during: during);
    }

    /// <summary>Closed model: <paramref name="copies"/> copies share <paramref name="iterations"/> iterations.</summary>
    /// <param name="copies">Copies, positive.</param>
    /// <param name="iterations">Iterations, positive.</param>
    public static LoadSimulation IterationsForConstant(int copies, int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        return new(LoadSimulationType.IterationsForConstant, copies: copies, iterations: iterations);
    }

    /// <summary>Open model: ramps the rate linearly from the previous open simulation's rate (or 0).</summary>
    /// <param name="rate">Target arrivals per interval, zero or more.</param>
    /// <param name="interval">Interval, positive.</param>
    /// <param name="during">Duration, positive.</param>
    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        Positive(interval, nameof(interval));
        Positive(during, nameof(during));
        return new(LoadSimulationType.RampingInject, rate: rate, interval: interval, during: during);
    }

    /// <summary>Open model: <paramref name="rate"/> arrivals per <paramref name="interval"/>, whatever the completions do.</summary>
    /// <param name="rate">Arrivals per interval, positive.</param>
    /// <param name="interval">Interval, positive.</param>
    /// <param name="during">Duration, positive.</param>
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        Positive(interval, nameof(interval));
        Positive(during, nameof(during));
        return new(LoadSimulationType.Inject, rate: rate, interval: interval, during: during);
    }

    /// <summary>
    /// Open model: each interval draws a rate between <paramref name="minRate"/> and <paramref name="maxRate"/>
    /// (inclusive). The draws are seeded by the scenario name, so a run repeats its sequence.
    /// </summary>
    /// <param name="minRate">Minimum arrivals per interval, zero or more.</param>
    /// <param name="maxRate">Maximum arrivals per interval, at least <paramref name="minRate"/> and positive.</param>
    /// <param name="interval">Interval, positive.</param>
    /// <param name="during">Duration, positive.</param>
    public static LoadSimulation InjectRandom(int minRate, int maxRate, TimeSpan interval, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRate, minRate);
        Positive(interval, nameof(interval));
        Positive(during, nameof(during));
        return new(LoadSimulationType.InjectRandom, rate: minRate, maxRate: maxRate, interval: interval, during: during);
    }

    /// <summary>Open model: <paramref name="rate"/> arrivals per interval until <paramref name="iterations"/> are scheduled.</summary>
    /// <param name="rate">Arrivals per interval, positive.</param>
    /// <param name="interval">Interval, positive.</param>
    /// <param name="iterations">Iterations, positive.</param>
    public static LoadSimulation IterationsForInject(int rate, TimeSpan interval, int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        Positive(interval, nameof(interval));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        return new(LoadSimulationType.IterationsForInject, rate: rate, interval: interval, iterations: iterations);
    }

    /// <summary>No new iterations for <paramref name="during"/>; the pause is not part of the measured duration's load.</summary>
    /// <param name="during">Duration, positive.</param>
    public static LoadSimulation Pause(TimeSpan during)
    {
        Positive(during, nameof(during));
        return new(LoadSimulationType.Pause, during: during);
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
    }
}
