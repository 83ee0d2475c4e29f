using FaultLab.Configuration;
using FaultLab.Pipeline;
using FaultLab.Realization;
using Polly;

namespace FaultLab;

/// <summary>
/// The dependency is down for a window, or flaps up and down: while the <see cref="Fault.Schedule"/> is active,
/// every targeted request fails as <see cref="Failure"/> says. Outside it, requests pass through.
/// </summary>
public sealed class OutageFault : Fault
{
    /// <inheritdoc/>
    public override string Kind => "Outage";

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

    internal override void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FaultContext context) =>
        Realization().AddTo(pipeline, context);

    // The outage borrows the realization of the fault it imitates; selection (schedule) stays the outage's own.
    private Fault Realization() => Failure switch
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
