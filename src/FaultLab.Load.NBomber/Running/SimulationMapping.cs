namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.Contracts;
using Engine = FaultLab.Load;

/// <summary>NBomber simulations to FaultLab.Load phases (InjectRandom becomes one seeded Inject phase per interval).</summary>
internal static class SimulationMapping
{
    public static Engine.LoadSimulation[] ToEngine(string scenarioName, IEnumerable<LoadSimulation> simulations)
    {
        var random = new Random(StableSeed(scenarioName));
        return simulations.SelectMany(s => Map(s, random)).ToArray();
    }

    private static IEnumerable<Engine.LoadSimulation> Map(LoadSimulation s, Random random)
    {
        switch (s.Type)
        {
            case LoadSimulationType.RampingConstant: yield return Engine.Simulation.RampingConstant(s.Copies, s.During); break;
            case LoadSimulationType.KeepConstant: yield return Engine.Simulation.KeepConstant(s.Copies, s.During); break;
            case LoadSimulationType.IterationsForConstant: yield return Engine.Simulation.IterationsForConstant(s.Copies, s.Iterations); break;
            case LoadSimulationType.IterationsForInject: yield return Engine.Simulation.IterationsForInject(s.Rate, s.Interval, s.Iterations); break;
            case LoadSimulationType.RampingInject: yield return Engine.Simulation.RampingInject(s.Rate, s.Interval, s.During); break;
            case LoadSimulationType.Inject: yield return Engine.Simulation.Inject(s.Rate, s.Interval, s.During); break;
            case LoadSimulationType.Pause: yield return Engine.Simulation.Pause(s.During); break;
            case LoadSimulationType.InjectRandom:
                for (var start = TimeSpan.Zero; start < s.During; start += s.Interval)
                {
                    var length = s.During - start < s.Interval ? s.During - start : s.Interval;
                    var rate = random.Next(s.Rate, s.MaxRate + 1);
                    yield return rate == 0 ? Engine.Simulation.Pause(length) : Engine.Simulation.Inject(rate, s.Interval, length);
                }
                break;
            default: throw new ArgumentOutOfRangeException(nameof(s), s.Type, "Unknown load simulation.");
        }
    }

    /// <summary>FNV-1a over the name: string.GetHashCode differs per process, and the sequence must repeat.</summary>
    private static int StableSeed(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
            hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
