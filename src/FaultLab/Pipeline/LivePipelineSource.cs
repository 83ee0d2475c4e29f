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
    private readonly ILogger _logger;
    private volatile FaultPipeline? _current;

    public LivePipelineSource(LiveFaultProfile profile, string clientName, TimeProvider timeProvider, FaultTelemetry telemetry,
        string? environmentName, ILogger logger)
    {
        _profile = profile;
        _clientName = clientName;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _environmentName = environmentName;
        _logger = logger;
        _current = Build();
        profile.Changed += (_, _) => _current = Build();
    }

    public FaultPipeline? Current => _current;

    private FaultPipeline? Build()
    {
        FaultInjectionOptions? options = _profile.Override ?? _profile.Baseline;
        if (options is null || !options.Enabled || options.Faults.Count == 0)
        {
            return null;
        }

        if (ProductionGuard.Refuses(options, _environmentName))
        {
            FaultTelemetry.LogRefusedInProduction(_logger, _clientName);
            return null;
        }

        return FaultPipelineFactory.Create(options, _clientName, _timeProvider, _telemetry);
    }
}
