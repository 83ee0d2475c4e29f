namespace FaultLab;

/// <summary>Adds response-body faults to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class BodyFaultBuilderExtensions
{
    /// <summary>Delivers a share of response bodies at <paramref name="bytesPerSecond"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="bytesPerSecond">The transfer rate.</param>
    /// <param name="injectionRate">The share of targeted responses slowed, 0 to 1.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddSlowBody(this FaultInjectionBuilder builder, int bytesPerSecond, double injectionRate = 1.0) =>
        builder.AddFault(new SlowBodyFault { BytesPerSecond = bytesPerSecond, InjectionRate = injectionRate });

    /// <summary>Cuts a share of response bodies short.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="injectionRate">The share of targeted responses cut, 0 to 1.</param>
    /// <param name="ending">A clean close (ResponseEnded) or a reset.</param>
    /// <param name="afterBytes">Bytes delivered before the cut; half the Content-Length when omitted.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddTruncatedBody(this FaultInjectionBuilder builder, double injectionRate = 1.0,
        BodyEnding ending = BodyEnding.CleanClose, long? afterBytes = null) =>
        builder.AddFault(new TruncatedBodyFault { InjectionRate = injectionRate, Ending = ending, AfterBytes = afterBytes });

    /// <summary>Breaks the payload of a share of response bodies.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="injectionRate">The share of targeted responses broken, 0 to 1.</param>
    /// <param name="mode">How the payload is broken.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddMalformedBody(this FaultInjectionBuilder builder, double injectionRate = 1.0,
        MalformedBodyMode mode = MalformedBodyMode.TruncatedJson) =>
        builder.AddFault(new MalformedBodyFault { InjectionRate = injectionRate, Mode = mode });
}
