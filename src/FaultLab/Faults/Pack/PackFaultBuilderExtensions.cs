namespace FaultLab;

/// <summary>Adds API fault packs to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class PackFaultBuilderExtensions
{
    /// <summary>Answers a share of requests as the named API does when it throttles or fails.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="pack">The pack, one of <see cref="PackFault.Packs"/> (for example <c>github-secondary-rate-limit</c>).</param>
    /// <param name="injectionRate">The share of targeted requests answered so, 0 to 1.</param>
    /// <param name="retryAfter">The wait the API announces; <see langword="null"/> for the pack's typical one.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddPack(this FaultInjectionBuilder builder, string pack, double injectionRate = 1.0, TimeSpan? retryAfter = null) =>
        builder.AddFault(new PackFault { Pack = pack, InjectionRate = injectionRate, RetryAfter = retryAfter });
}
