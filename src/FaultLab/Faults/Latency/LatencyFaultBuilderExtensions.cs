namespace FaultLab;

/// <summary>Adds latency faults to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class LatencyFaultBuilderExtensions
{
    /// <summary>Delays a share of requests by a fixed amount.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="delay">The delay.</param>
    /// <param name="injectionRate">The share of targeted requests delayed, 0 to 1.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddLatency(this FaultInjectionBuilder builder, TimeSpan delay, double injectionRate = 1.0) =>
        builder.AddFault(new LatencyFault { Delay = delay, InjectionRate = injectionRate });

    /// <summary>Delays a share of requests by a long-tailed (log-normal) delay with the given median and p99.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="p50">The median delay.</param>
    /// <param name="p99">The 99th-percentile delay.</param>
    /// <param name="injectionRate">The share of targeted requests delayed, 0 to 1.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddLongTailLatency(this FaultInjectionBuilder builder, TimeSpan p50, TimeSpan p99, double injectionRate = 1.0) =>
        builder.AddFault(new LatencyFault { P50 = p50, P99 = p99, InjectionRate = injectionRate });

    /// <summary>Adds a latency fault configured in full.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the fault's shape, rate, target and schedule.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddLatency(this FaultInjectionBuilder builder, Action<LatencyFault> configure) =>
        builder.AddFault(configure);
}
