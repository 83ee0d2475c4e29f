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

    /// <summary>The phase shape.</summary>
    public LoadSimulationKind Kind { get; }

    /// <summary>Arrivals per <see cref="Interval"/> (open model only).</summary>
    public double Rate { get; }

    /// <summary>The interval the <see cref="Rate"/> refers to (open model only).</summary>
    public TimeSpan Interval { get; }

    /// <summary>Phase duration; zero for iteration-bounded phases.</summary>
    public TimeSpan During { get; }

    /// <summary>Concurrent copies (closed model only).</summary>
    public int Copies { get; }

    /// <summary>Iteration budget for iteration-bounded phases.</summary>
    public long Iterations { get; }

    /// <summary>True for arrival-rate (open model) phases.</summary>
    public bool IsOpenModel => Kind is LoadSimulationKind.Inject or LoadSimulationKind.RampingInject
        or LoadSimulationKind.IterationsForInject;

    /// <summary>True for concurrency (closed model) phases.</summary>
    public bool IsClosedModel => Kind is LoadSimulationKind.KeepConstant or LoadSimulationKind.RampingConstant
        or LoadSimulationKind.IterationsForConstant;

    /// <summary>Arrivals per second implied by <see cref="Rate"/> and <see cref="Interval"/>.</summary>
    public double RatePerSecond => Interval > TimeSpan.Zero ? Rate / Interval.TotalSeconds : 0;

    /// <inheritdoc />
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return Kind switch
        {
            LoadSimulationKind.Inject => string.Format(inv, "Inject {0} per {1} during {2}", Rate, Interval, During),
            LoadSimulationKind.RampingInject => string.Format(inv, "RampingInject to {0} per {1} during {2}", Rate, Interval, During),
            LoadSimulationKind.IterationsForInject => string.Format(inv, "IterationsForInject {0} per {1}, {2} iterations", Rate, Interval, Iterations),
            LoadSimulationKind.KeepConstant => string.Format(inv, "KeepConstant {0} copies during {1}", Copies, During),
            LoadSimulationKind.RampingConstant => string.Format(inv, "RampingConstant to {0} copies during {1}", Copies, During),
            LoadSimulationKind.IterationsForConstant => string.Format(inv, "IterationsForConstant {0} copies, {1} iterations", Copies, Iterations),
            _ => string.Format(inv, "Pause during {0}", During),
        };
    }
}
