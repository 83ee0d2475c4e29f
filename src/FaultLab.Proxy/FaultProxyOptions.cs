using FaultLab.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaultLab.Proxy;

/// <summary>What a <see cref="FaultProxy"/> forwards to, which faults it injects, and where it listens.</summary>
public sealed class FaultProxyOptions
{
    /// <summary>Gets or sets the upstream base URL (http or https); every request is forwarded below it.</summary>
    public Uri? Upstream { get; set; }

    /// <summary>Gets or sets the fault profile, as bound by <see cref="FaultInjectionOptions.FromConfiguration"/>
    /// or <see cref="FaultProfileFile.Load"/>. An empty profile makes a plain pass-through proxy.</summary>
    public FaultInjectionOptions Profile { get; set; } = new();

    /// <summary>Gets or sets the name shown for <see cref="Profile"/> (for example its file name): the controller's
    /// <see cref="FaultLab.Control.FaultController.ProfileName"/> at the start and again after
    /// <see cref="FaultLab.Control.FaultController.Reset"/>. Defaults to <c>profile</c>.</summary>
    public string ProfileName { get; set; } = "profile";

    /// <summary>Gets or sets the port on 127.0.0.1; 0 (the default) picks a free ephemeral port.
    /// The proxy never listens on any other address: it is a test tool, not a gateway.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets how long the proxy waits on a silent upstream (an injected hang included) before it
    /// closes the client's connection. Defaults to 100 s, YARP's own activity timeout.</summary>
    public TimeSpan HangLimit { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Gets or sets the client name the proxy's faults and forwarded requests are reported under (telemetry tag
    /// <c>faultlab.client</c>, logs, <see cref="FaultLab.Control.FaultController.GetCounters"/>). Defaults to <c>proxy</c>.</summary>
    public string ClientName { get; set; } = "proxy";

    /// <summary>Gets or sets the header-controlled faults a request may ask for (off unless set and enabled; see
    /// <see cref="FaultLab.Control.HeaderFaultOptions"/>). They apply before the profile's faults.</summary>
    public FaultLab.Control.HeaderFaultOptions? HeaderFaults { get; set; }

    /// <summary>Gets or sets the port of the live control API on 127.0.0.1 (see <see cref="FaultLab.Control.FaultControlEndpoints"/>);
    /// 0 picks a free one. Defaults to <see langword="null"/>: no control API (the proxy's owner can still use
    /// <see cref="FaultProxy.Controller"/>).</summary>
    public int? ControlPort { get; set; }

    /// <summary>Gets or sets how long a control lease lives without renewal before its faults are removed (the
    /// dead-man switch). Defaults to 30 seconds.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets where the proxy and the injected faults are logged; nothing is logged when omitted.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the host whose environment the Production guard judges: a proxy that serves a host (the
    /// Aspire app host's proxy resources pass the app host's) refuses faults when that host is Production, as a client
    /// from the host's dependency injection would. Defaults to <see langword="null"/>: no host, the process's
    /// <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c> (the standalone <c>faultlab proxy</c>).</summary>
    public IHostEnvironment? HostEnvironment { get; set; }

    /// <summary>Gets or sets the clock for delays and schedules; the system clock when omitted.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Checks every setting, the profile's included; each problem names its setting.</summary>
    /// <returns>The problems found; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Upstream is not { IsAbsoluteUri: true } upstream || (upstream.Scheme != Uri.UriSchemeHttp && upstream.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{nameof(Upstream)}: must be an absolute http or https URL (was '{Upstream}').");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"{nameof(Port)}: must be from 0 to 65535 (was {Port}).");
        }

        if (ControlPort is < 0 or > 65535)
        {
            errors.Add($"{nameof(ControlPort)}: must be from 0 to 65535 (was {ControlPort}).");
        }

        if (LeaseDuration <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(LeaseDuration)}: must be positive (was {LeaseDuration}).");
        }

        if (HangLimit <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(HangLimit)}: must be positive (was {HangLimit}).");
        }

        if (string.IsNullOrEmpty(ProfileName))
        {
            errors.Add($"{nameof(ProfileName)}: must not be empty (was '{ProfileName}').");
        }

        if (Profile is null)
        {
            errors.Add($"{nameof(Profile)}: is required.");
        }
        else
        {
            errors.AddRange(Profile.Validate());
        }

        if (HeaderFaults is not null)
        {
            errors.AddRange(HeaderFaults.Validate().Select(SettingPath.Root.Child(nameof(HeaderFaults)).Qualify));
        }

        return errors;
    }
}
