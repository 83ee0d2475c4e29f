namespace FaultLab.Control;

/// <summary>Settings of a <see cref="FaultController"/>.</summary>
public sealed class FaultControllerOptions
{
    /// <summary>Gets or sets how long a lease lives without renewal: the dead-man switch's timeout. A controller that
    /// stops renewing (a crashed test) leaves no chaos behind for longer than this. Defaults to 30 seconds.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the clock leases expire on; the system clock when omitted.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets the client name (telemetry tag <c>faultlab.client</c>) whose counters
    /// <see cref="FaultController.GetCounters"/> reports; every client's when omitted. The proxy's is <c>proxy</c>.</summary>
    public string? ClientName { get; set; }

    /// <summary>Gets or sets the name shown for the starting profile (for example its file name). Defaults to <c>profile</c>.</summary>
    public string ProfileName { get; set; } = "profile";
}
