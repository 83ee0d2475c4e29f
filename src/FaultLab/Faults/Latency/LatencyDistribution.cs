using FaultLab.Selection;

namespace FaultLab;

/// <summary>Samples a delay: fixed, uniform, or log-normal fitted to a median and a 99th percentile.</summary>
internal abstract class LatencyDistribution
{
    // z such that P(Z <= z) = 0.99 for a standard normal: the log-normal's p99 is exp(mu + z*sigma).
    private const double Z99 = 2.3263478740408408;

    public abstract TimeSpan Sample(SeededRandom random);

    public static LatencyDistribution From(LatencyFault fault) => fault switch
    {
        { Delay: { } d } => new Fixed(d),
        { Min: { } min, Max: { } max } => new Uniform(min, max),
        { P50: { } p50, P99: { } p99 } => new LogNormal(p50, p99),
        _ => throw new InvalidOperationException("A latency fault needs a delay shape (validation should have caught this)."),
    };

    private sealed class Fixed(TimeSpan delay) : LatencyDistribution
    {
        public override TimeSpan Sample(SeededRandom random) => delay;
    }

    private sealed class Uniform(TimeSpan min, TimeSpan max) : LatencyDistribution
    {
        public override TimeSpan Sample(SeededRandom random) =>
            min + TimeSpan.FromTicks((long)((max - min).Ticks * random.NextDouble()));
    }

    internal sealed class LogNormal(TimeSpan p50, TimeSpan p99) : LatencyDistribution
    {
        private readonly double _mu = Math.Log(p50.TotalMilliseconds);
        private readonly double _sigma = Math.Log(p99.TotalMilliseconds / p50.TotalMilliseconds) / Z99;

        public override TimeSpan Sample(SeededRandom random)
        {
            // Box-Muller: two uniforms to one standard normal; 1 - u keeps the log argument away from zero.
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            return TimeSpan.FromMilliseconds(Math.Exp(_mu + (_sigma * z)));
        }
    }
}
