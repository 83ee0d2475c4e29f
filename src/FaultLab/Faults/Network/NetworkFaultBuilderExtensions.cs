namespace FaultLab;

/// <summary>Adds network-level faults (DNS, refused, reset, connect timeout) to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class NetworkFaultBuilderExtensions
{
    /// <summary>Fails a share of requests as if the host name did not resolve.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="injectionRate">The share of targeted requests failed, 0 to 1.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddDnsFailure(this FaultInjectionBuilder builder, double injectionRate = 1.0) =>
        builder.AddFault(new DnsFailureFault { InjectionRate = injectionRate });

    /// <summary>Fails a share of requests as if nothing listened on the port.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="injectionRate">The share of targeted requests failed, 0 to 1.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddConnectionRefused(this FaultInjectionBuilder builder, double injectionRate = 1.0) =>
        builder.AddFault(new ConnectionRefusedFault { InjectionRate = injectionRate });

    /// <summary>Fails a share of requests as if the connection died before the response headers.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="injectionRate">The share of targeted requests failed, 0 to 1.</param>
    /// <param name="phase">Reset (RST) or a clean close before the headers.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddConnectionReset(this FaultInjectionBuilder builder, double injectionRate = 1.0,
        ConnectionResetPhase phase = ConnectionResetPhase.ResetBeforeHeaders) =>
        builder.AddFault(new ConnectionResetFault { InjectionRate = injectionRate, Phase = phase });

    /// <summary>Fails a share of requests as if the connection could not be established within the connect timeout.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="timeout">How long the attempt lasts before failing.</param>
    /// <param name="injectionRate">The share of targeted requests failed, 0 to 1.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddConnectTimeout(this FaultInjectionBuilder builder, TimeSpan timeout, double injectionRate = 1.0) =>
        builder.AddFault(new ConnectTimeoutFault { Timeout = timeout, InjectionRate = injectionRate });

    /// <summary>Fails a share of requests as if the server answered with something that is not HTTP.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="injectionRate">The share of targeted requests failed, 0 to 1.</param>
    /// <param name="statusLine">What the server sends instead of a status line.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddInvalidResponse(this FaultInjectionBuilder builder, double injectionRate = 1.0, string statusLine = "GARBAGE") =>
        builder.AddFault(new InvalidResponseFault { InjectionRate = injectionRate, StatusLine = statusLine });
}
