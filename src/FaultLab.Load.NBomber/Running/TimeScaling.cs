namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.Contracts;

/// <summary>Applies <see cref="NBomberOverrides.UseTimeScale"/> to a run's definition.</summary>
internal static class TimeScaling
{
    public static NBomberContext Apply(NBomberContext context, double scale)
    {
        if (scale == 1)
            return context;
        return context with
        {
            ReportingInterval = Scale(context.ReportingInterval, scale),
            Scenarios = context.Scenarios.Select(s => s with
            {
                WarmUpDuration = s.WarmUpDuration is { } warmUp ? Scale(warmUp, scale) : null,
                LoadSimulations = s.LoadSimulations.Select(l => new LoadSimulation(l.Type, l.Rate, l.MaxRate, Scale(l.Interval, scale),
                    Scale(l.During, scale), l.Copies, l.Iterations == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(l.Iterations * scale)))).ToList(),
                Thresholds = s.Thresholds.Select(t => t.Scaled(scale)).ToList(),
            }).ToList(),
        };
    }

    private static TimeSpan Scale(TimeSpan value, double scale) => TimeSpan.FromTicks((long)Math.Round(value.Ticks * scale));
}
