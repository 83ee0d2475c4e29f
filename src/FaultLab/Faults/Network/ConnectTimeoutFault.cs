using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// The connection is not established within <c>SocketsHttpHandler.ConnectTimeout</c>: after <see cref="Timeout"/>
/// on the injected clock, a <see cref="TaskCanceledException"/> over a <see cref="TimeoutException"/>, with the
/// <c>Source</c> the standard retry predicate requires.
/// </summary>
[FaultKind("After the timeout: TaskCanceledException over TimeoutException \"A connection could not be established within the configured ConnectTimeout.\"",
    Example = """{ "Timeout": "00:00:00.100" }""")]
public sealed class ConnectTimeoutFault : Fault
{

    /// <summary>Gets or sets how long the connect attempt lasts before it fails. Defaults to 15 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (Timeout < TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(Timeout)]}: must not be negative (was {Timeout}).");
        }
    }

    // Cancellation during the wait surfaces as the caller's own cancellation, like a real connect.
    internal override FaultRealization Realize(RealizationContext context) =>
        new Failure(context, _ => NetworkErrors.ConnectTimeout(), Timeout);
}
