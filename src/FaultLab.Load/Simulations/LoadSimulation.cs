using System.Globalization;

namespace FaultLab.Load;

/// <summary>One phase of a scenario's load; build instances with <see cref="Simulation"/>.</summary>
public sealed class LoadSimulation
{
    internal LoadSimulation(LoadSimulationKind kind, double rate = 0, TimeSpan interval = default,
        TimeSpan during = default, int copies = 0, long iterations = 0)
    {
        Kind = kind;
        Rate = rate;
        Interval = interval;
        During = during;
        Copies = copies;
        Iterations = iterations;
    }

    /// <summary>Gets the phase shape.</summary>
    public LoadSimulationKind Kind { get; }

    /// <summary>Gets the arrivals per <see cref="Interval"/> (open model only).</summary>
    public double Rate { get; }

    /// <summary>Gets the interval the <see cref="Rate"/> refers to (open model only).</summary>
    public TimeSpan Interval { get; }

    /// <summary>Gets the phase duration; zero for iteration-bounded phases.</summary>
    public TimeSpan During { get; }

    /// <summary>Gets the concurrent copies (closed model only).</summary>
    public int Copies { get; }

    /// <summary>Gets the iteration budget for iteration-bounded phases.</summary>
    public long Iterations { get; }

    /// <summary>Gets a value indicating whether this is an arrival-rate (open model) phase.</summary>
    public bool IsOpenModel => Kind is LoadSimulationKind.Inject or LoadSimulationKind.RampingInject
        or LoadSimulationKind.IterationsForInject;

    /// <summary>Gets a value indicating whether this is a concurrency (closed model) phase.</summary>
    public bool IsClosedModel => Kind is LoadSimulationKind.KeepConstant or LoadSimulationKind.RampingConstant
        or LoadSimulationKind.IterationsForConstant;

    /// <summary>Gets the arrivals per second implied by <see cref="Rate"/> and <see cref="Interval"/>.</summary>
    public double RatePerSecond => Interval > TimeSpan.Zero ? Rate / Interval.TotalSeconds : 0;

    /// <inheritdoc />
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var (rate, interval, during) = (Rate.ToString(inv), Human(Interval), Human(During));
        return Kind switch
        {
            LoadSimulationKind.Inject => $"Inject {rate} per {interval} during {during}",
            LoadSimulationKind.RampingInject => $"RampingInject to {rate} per {interval} during {during}",
            LoadSimulationKind.IterationsForInject => $"IterationsForInject {rate} per {interval}, {Iterations.ToString(inv)} iterations",
            LoadSimulationKind.KeepConstant => $"KeepConstant {Copies.ToString(inv)} copies during {during}",
            LoadSimulationKind.RampingConstant => $"RampingConstant to {Copies.ToString(inv)} copies during {during}",
            LoadSimulationKind.IterationsForConstant => $"IterationsForConstant {Copies.ToString(inv)} copies, {Iterations.ToString(inv)} iterations",
            _ => $"Pause during {during}",
        };
    }

    /// <summary>"1 s", "500 ms", "2 min 30 s": readable in reports, unlike TimeSpan's "00:02:30".</summary>
    private static string Human(TimeSpan value)
    {
        var inv = CultureInfo.InvariantCulture;
        if (value < TimeSpan.FromSeconds(1))
        {
            return value.TotalMilliseconds.ToString("0.###", inv) + " ms";
        }

        if (value < TimeSpan.FromMinutes(1))
        {
            return value.TotalSeconds.ToString("0.###", inv) + " s";
        }

        var minutes = (int)value.TotalMinutes;
        var seconds = value - TimeSpan.FromMinutes(minutes);
        return seconds == TimeSpan.Zero ? $"{minutes} min" : $"{minutes} min {Human(seconds)}";
    }
}
