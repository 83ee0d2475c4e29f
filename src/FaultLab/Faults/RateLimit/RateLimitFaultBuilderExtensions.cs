namespace FaultLab;

/// <summary>Adds server-side rate limits to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class RateLimitFaultBuilderExtensions
{
    /// <summary>Simulates a server that allows <paramref name="permitLimit"/> requests per <paramref name="window"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="permitLimit">Requests allowed per window.</param>
    /// <param name="window">The window.</param>
    /// <param name="algorithm">Fixed window, sliding window or token bucket.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddRateLimit(this FaultInjectionBuilder builder, int permitLimit, TimeSpan window,
        RateLimitAlgorithm algorithm = RateLimitAlgorithm.FixedWindow) =>
        builder.AddFault(new RateLimitFault { PermitLimit = permitLimit, Window = window, Algorithm = algorithm });

    /// <summary>Adds a rate limit configured in full.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets algorithm, limits, partitioning and headers.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddRateLimit(this FaultInjectionBuilder builder, Action<RateLimitFault> configure) =>
        builder.AddFault(configure);
}
