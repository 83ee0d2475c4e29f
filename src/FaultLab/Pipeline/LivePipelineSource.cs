using FaultLab.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaultLab.Pipeline;

/// <summary>The compiled pipeline of a <see cref="LiveFaultProfile"/> used without dependency injection: rebuilt whenever
/// the profile in force changes, with the same Production guard as every other entry point (judging the host's
/// environment when its owner names the host, else the process's).</summary>
internal sealed class LivePipelineSource
{
    private readonly LiveFaultProfile _profile;
    private readonly string _clientName;
    private readonly TimeProvider _timeProvider;
    private readonly FaultTelemetry _telemetry;
    private readonly IHostEnvironment? _host;
    private volatile FaultPipeline? _current;

    public LivePipelineSource(LiveFaultProfile profile, string clientName, TimeProvider timeProvider, FaultTelemetry telemetry,
        IHostEnvironment? host, ILogger logger)
    {
        _profile = profile;
        _clientName = clientName;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _host = host;
        Guard = new ProductionGuard(clientName, logger);
        _current = Build();
        profile.Changed += (_, _) => _current = Build();
    }

    public FaultPipeline? Current => _current;

    /// <summary>Gets the guard whose refusal the handler's first request explains.</summary>
    public ProductionGuard Guard { get; }

    private FaultPipeline? Build()
    {
        FaultInjectionOptions? options = _profile.Override ?? _profile.Baseline;
        if (options is null || !options.Enabled || options.Faults.Count == 0)
        {
            return null;
        }

        if (Guard.Refuses(options, _host))
        {
            return null;
        }

        return FaultPipelineFactory.Create(options, _clientName, _timeProvider, _telemetry);
    }
}
