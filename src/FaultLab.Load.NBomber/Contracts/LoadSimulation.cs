using System.Globalization;

namespace FaultLab.Load.NBomber.Contracts;

/// <summary>One load phase, as NBomber's <c>LoadSimulation</c>; build it with <c>Simulation.*</c>.</summary>
public sealed class LoadSimulation
{
    internal LoadSimulation(LoadSimulationType type, int rate = 0, int maxRate = 0, TimeSpan interval = default,
        TimeSpan during = default, int copies = 0, int iterations = 0)
    {
        Type = type;
        Rate = rate;
        MaxRate = maxRate;
        Interval = interval;
        During = during;
        Copies = copies;
        Iterations = iterations;
    }

    /// <summary>Gets the simulation's kind.</summary>
    public LoadSimulationType Type { get; }

    /// <summary>Gets the injection rate per interval (the minimum rate for <c>InjectRandom</c>).</summary>
    public int Rate { get; }

    /// <summary>Gets the maximum rate of <c>InjectRandom</c>.</summary>
    public int MaxRate { get; }

    /// <summary>Gets the injection interval.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Gets the duration; zero for iteration-bound simulations.</summary>
    public TimeSpan During { get; }

    /// <summary>Gets the copies of closed-model simulations.</summary>
    public int Copies { get; }

    /// <summary>Gets the iteration budget of iteration-bound simulations.</summary>
    public int Iterations { get; }

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        LoadSimulationType.RampingConstant or LoadSimulationType.KeepConstant => F("{0}(copies: {1}, during: {2})", Type, Copies, During),
        LoadSimulationType.IterationsForConstant => F("{0}(copies: {1}, iterations: {2})", Type, Copies, Iterations),
        LoadSimulationType.IterationsForInject => F("{0}(rate: {1}, interval: {2}, iterations: {3})", Type, Rate, Interval, Iterations),
        LoadSimulationType.InjectRandom => F("{0}(minRate: {1}, maxRate: {2}, interval: {3}, during: {4})", Type, Rate, MaxRate, Interval, During),
        LoadSimulationType.Pause => F("{0}(during: {1})", Type, During),
        _ => F("{0}(rate: {1}, interval: {2}, during: {3})", Type, Rate, Interval, During),
    };

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>The kinds of <see cref="LoadSimulation"/>.</summary>
public enum LoadSimulationType
{
    /// <summary>Closed model: ramp the copies linearly.</summary>
    RampingConstant,
    /// <summary>Closed model: a fixed number of copies.</summary>
    KeepConstant,
    /// <summary>Closed model: copies share an iteration budget.</summary>
    IterationsForConstant,
    /// <summary>Open model: a fixed rate until an iteration budget is used.</summary>
    IterationsForInject,
    /// <summary>Open model: ramp the rate linearly.</summary>
    RampingInject,
    /// <summary>Open model: a fixed rate.</summary>
    Inject,
    /// <summary>Open model: a random rate per interval.</summary>
    InjectRandom,
    /// <summary>No new iterations.</summary>
    Pause,
}
