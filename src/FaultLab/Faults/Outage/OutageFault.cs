using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// The dependency is down for a window, or flaps up and down: while the <see cref="Fault.Schedule"/> is active,
/// every targeted request fails as <see cref="Failure"/> says. Outside it, requests pass through.
/// </summary>
[FaultKind("During a window (or while flapping) every targeted request fails as 503, 502, 504, refused, DNS failure or hang.",
    Example = """{ "Schedule": { "Start": "00:00:00", "Duration": "00:00:30" } }""")]
public sealed class OutageFault : Fault
{

    /// <summary>Gets or sets how requests fail during the outage. Defaults to 503.</summary>
    public OutageFailure Failure { get; set; } = OutageFailure.ServiceUnavailable;

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (Schedule is null)
        {
            errors.Add($"{path[nameof(Schedule)]}: an outage needs a schedule: Start and Duration, or Up and Down.");
        }
    }

    // The outage borrows the realization of the fault it imitates; selection (schedule) and report stay the outage's own.
    internal override FaultRealization Realize(RealizationContext context) => Imitated().Realize(context);

    private Fault Imitated() => Failure switch
    {
        OutageFailure.ConnectionRefused => new ConnectionRefusedFault(),
        OutageFailure.DnsFailure => new DnsFailureFault(),
        OutageFailure.Hang => new HangFault(),
        OutageFailure.BadGateway => new StatusFault { StatusCode = 502, BodyStyle = ErrorBodyStyle.Gateway },
        OutageFailure.GatewayTimeout => new StatusFault { StatusCode = 504, BodyStyle = ErrorBodyStyle.Gateway },
        _ => new StatusFault { StatusCode = 503 },
    };
}

/// <summary>How requests fail during an <see cref="OutageFault"/>.</summary>
public enum OutageFailure
{
    /// <summary>503 with a problem-details body.</summary>
    ServiceUnavailable,

    /// <summary>502 from a gateway.</summary>
    BadGateway,

    /// <summary>504 from a gateway.</summary>
    GatewayTimeout,

    /// <summary>Connection refused.</summary>
    ConnectionRefused,

    /// <summary>The name does not resolve.</summary>
    DnsFailure,

    /// <summary>No answer until cancelled.</summary>
    Hang,
}
