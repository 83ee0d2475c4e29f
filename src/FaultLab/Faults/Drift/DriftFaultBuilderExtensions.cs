namespace FaultLab;

/// <summary>Adds contract-drift and oversized-payload faults to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class DriftFaultBuilderExtensions
{
    /// <summary>Changes the real JSON body at <paramref name="path"/> as a breaking API version would.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="change">What changes.</param>
    /// <param name="path">Where, for example <c>$.items[*].price</c>.</param>
    /// <param name="injectionRate">The share of targeted responses changed, 0 to 1.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddContractDrift(this FaultInjectionBuilder builder, ContractChange change, string path, double injectionRate = 1.0) =>
        builder.AddFault(new ContractDriftFault { Change = change, Path = path, InjectionRate = injectionRate });

    /// <summary>Adds a contract-drift fault configured in full (new name, enum value, extra field count, target).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the fault.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddContractDrift(this FaultInjectionBuilder builder, Action<ContractDriftFault> configure) =>
        builder.AddFault(configure);

    /// <summary>Inflates the array at <c>Path</c> of the real JSON body (set <c>Items</c> or <c>Megabytes</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the size, the path and an optional bandwidth.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddOversizedPayload(this FaultInjectionBuilder builder, Action<OversizedPayloadFault> configure) =>
        builder.AddFault(configure);
}
