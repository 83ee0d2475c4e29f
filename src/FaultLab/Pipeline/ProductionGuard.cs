using FaultLab.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaultLab.Pipeline;

/// <summary>
/// The one place that refuses injection in the Production environment unless the profile allows it, for every entry
/// point (a client from DI, <see cref="FaultInjection"/>, a hand-built Polly pipeline). Under a host (from DI, or named by
/// the handler's owner: the fault proxy inside an Aspire app host passes the app host's) the environment is
/// <c>IHostEnvironment.EnvironmentName</c> (a generic Host is Production unless told otherwise); without one it is the
/// process's <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, as the hosts read them, and unset means
/// "not known to be Production": a test process without a host must not lose its faults. Because the two paths can
/// disagree in one process, a refusal is impossible to miss: the client's first request logs why, once.
/// </summary>
internal sealed class ProductionGuard(string clientName, ILogger logger)
{
    private const string HostSource = "IHostEnvironment.EnvironmentName; a generic Host is Production unless DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT names another environment";
    private const string ProcessSource = "DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT; no host";

    private volatile string? _refusedBecause;
    private int _explained;

    /// <summary>Decides for <paramref name="options"/> under <paramref name="host"/> (or the process, without one).</summary>
    public bool Refuses(FaultInjectionOptions options, IHostEnvironment? host) =>
        host is null ? Refuses(options, ProductionRule.ProcessEnvironmentName(), ProcessSource) : Refuses(options, host.EnvironmentName, HostSource);

    /// <summary>Decides for <paramref name="options"/> in <paramref name="environmentName"/>, read from <paramref name="source"/>.</summary>
    public bool Refuses(FaultInjectionOptions options, string? environmentName, string source = ProcessSource)
    {
        bool refused = ProductionRule.Refuses(environmentName, options.AllowInProduction);
        _refusedBecause = refused ? source : null;
        return refused;
    }

    /// <summary>Called as a request passes by without faults: after a refusal, the first one logs why, once.</summary>
    public void ExplainRefusalOnce()
    {
        if (_refusedBecause is { } source && Interlocked.Exchange(ref _explained, 1) == 0)
        {
            FaultTelemetry.LogRefusedInProduction(logger, clientName, source);
        }
    }
}
