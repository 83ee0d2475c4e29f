using System.Diagnostics;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace FaultLab.Proxy;

/// <summary>
/// The client YARP forwards with: FaultLab's own fault handler over a <see cref="SocketsHttpHandler"/>. Selection,
/// seeds, targeting, schedules and telemetry are therefore exactly the in-process ones; only the realization of
/// each outcome for a client on the other side of a socket is the proxy's (see <see cref="OutcomeRealizer"/>).
/// </summary>
internal static class UpstreamInvoker
{
    public static HttpMessageInvoker Create(FaultProxyOptions options, LiveFaultProfile profile)
    {
        // YARP's recommended settings: a proxy relays redirects, cookies and compressed bodies untouched.
        var transport = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };

        // The live profile starts from the already bound and validated profile as is: same fault instances, same
        // seed, so the decisions are the ones the profile makes in-process; a control API may replace it later.
        var faults = FaultInjection.CreateHandler(profile, transport, options.TimeProvider, options.LoggerFactory, options.ClientName,
            options.HostEnvironment);

        // Header-requested faults sit above the profile's, so the profile still applies to what they let through.
        HttpMessageHandler outermost = options.HeaderFaults is { } headerFaults
            ? FaultLab.Control.HeaderFaults.CreateHandler(headerFaults, faults, options.TimeProvider, options.LoggerFactory, options.ClientName,
                options.HostEnvironment?.EnvironmentName)
            : faults;
        return new HttpMessageInvoker(outermost, disposeHandler: true);
    }
}
