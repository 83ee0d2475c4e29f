namespace FaultLab;

/// <summary>Adds hang faults to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class HangFaultBuilderExtensions
{
    /// <summary>Makes a share of requests hang until cancelled.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="injectionRate">The share of targeted requests that hang, 0 to 1.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddHang(this FaultInjectionBuilder builder, double injectionRate = 1.0) =>
        builder.AddFault(new HangFault { InjectionRate = injectionRate });
}
