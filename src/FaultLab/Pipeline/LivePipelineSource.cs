using FaultLab.Telemetry;
using Microsoft.Extensions.Logging;

namespace FaultLab.Pipeline;

/// <summary>The compiled pipeline of a <see cref="LiveFaultProfile"/> used without a host: rebuilt whenever the
/// profile in force changes, with the same Production guard as every other entry point.</summary>
internal sealed class LivePipelineSource
{
    private readonly LiveFaultProfile _profile;
    private readonly string _clientName;
    private readonly TimeProvider _timeProvider;
    private readonly FaultTelemetry _telemetry;
    private readonly string? _environmentName;
    private volatile FaultPipeline? _current;

    public LivePipelineSource(LiveFaultProfile profile, string clientName, TimeProvider timeProvider, FaultTelemetry telemetry,
        string? environmentName, ILogger logger)
    {
        _profile = profile;
        _clientName = clientName;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _environmentName = environmentName;
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

        if (Guard.Refuses(options, _environmentName))
        {
            return null;
        }

        return FaultPipelineFactory.Create(options, _clientName, _timeProvider, _telemetry);
    }
}
