using FaultLab.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FaultLab.Pipeline;

/// <summary>
/// Holds one client's compiled fault pipeline for the life of the application, so stateful faults (rate-limit
/// buckets, token ages) survive the factory's handler rotation; rebuilds it when the profile reloads.
/// </summary>
internal sealed class FaultPipelineProvider : IDisposable
{
    private readonly string _clientName;
    private readonly string _optionsName;
    private readonly TimeProvider _timeProvider;
    private readonly FaultTelemetry _telemetry;
    private readonly IHostEnvironment? _environment;
    private readonly ILogger _logger;
    private readonly IDisposable? _subscription;
    private readonly IOptionsMonitor<FaultInjectionOptions> _monitor;
    private readonly LiveFaultProfile? _live;
    private readonly List<IDisposable> _reloadChecks = [];
    private volatile FaultPipeline? _current;
    private string? _builtFrom;
    private bool _warnedActive;

    public FaultPipelineProvider(string clientName, string optionsName, IOptionsMonitor<FaultInjectionOptions> monitor,
        TimeProvider timeProvider, FaultTelemetry telemetry, IHostEnvironment? environment, ILogger logger, LiveFaultProfile? live = null)
    {
        _monitor = monitor;
        _live = live;
        _clientName = clientName;
        _optionsName = optionsName;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _environment = environment;
        _logger = logger;
        Guard = new ProductionGuard(clientName, logger);
        var options = live?.Override ?? monitor.Get(optionsName);
        _builtFrom = live?.Override is null ? options.SourceSnapshot : null;
        _current = Build(options);
        _subscription = monitor.OnChange(OnChanged);
        if (live is not null)
        {
            live.Changed += OnLiveChanged;
        }
    }

    /// <summary>Also watches the profile's change tokens so that a reload that does not validate is logged: the options
    /// monitor throws such a reload at whoever reloaded (a file watcher swallows it) and never calls
    /// <see cref="OnChanged"/> with it.</summary>
    public FaultPipelineProvider(string clientName, string optionsName, IOptionsMonitor<FaultInjectionOptions> monitor,
        IOptionsFactory<FaultInjectionOptions> factory, IEnumerable<IOptionsChangeTokenSource<FaultInjectionOptions>> sources,
        TimeProvider timeProvider, FaultTelemetry telemetry, IHostEnvironment? environment, ILogger logger, LiveFaultProfile? live)
        : this(clientName, optionsName, monitor, timeProvider, telemetry, environment, logger, live)
    {
        foreach (var source in sources.Where(s => string.Equals(s.Name ?? Options.DefaultName, optionsName, StringComparison.Ordinal)))
        {
            _reloadChecks.Add(ChangeToken.OnChange(source.GetChangeToken, () => CheckReload(factory)));
        }
    }

    /// <summary>Gets the pipeline to run requests through, or <see langword="null"/> to pass them straight on.</summary>
    public FaultPipeline? Current => _current;

    public FaultTelemetry Telemetry => _telemetry;

    /// <summary>Gets the client's Production guard: its handler's first request explains a refusal.</summary>
    public ProductionGuard Guard { get; }

    public void Dispose()
    {
        _subscription?.Dispose();
        _reloadChecks.ForEach(r => r.Dispose());
        if (_live is not null)
        {
            _live.Changed -= OnLiveChanged;
        }
    }

    /// <summary>A run-time override replaces the configured profile; its reset rebuilds the configured one.</summary>
    private void OnLiveChanged(object? sender, EventArgs e)
    {
        if (_live!.Override is { } live)
        {
            _builtFrom = null;
            _current = Build(live);
            return;
        }

        var options = _monitor.Get(_optionsName);
        _builtFrom = options.SourceSnapshot;
        _current = Build(options);
    }

    private void CheckReload(IOptionsFactory<FaultInjectionOptions> factory)
    {
        try
        {
            factory.Create(_optionsName);
        }
        catch (OptionsValidationException ex)
        {
            LogReloadErrors(string.Join(" ", ex.Failures));
        }
    }

    private void LogReloadErrors(string errors) =>
        _logger.LogError("FaultLab profile for client '{Client}' reloaded with errors; keeping the previous one: {Errors}",
            _clientName, errors);

    private void OnChanged(FaultInjectionOptions options, string? name)
    {
        // While a run-time override is in force a configuration reload waits: the reset rebuilds from the latest one.
        if (_live?.Override is null && string.Equals(name ?? Options.DefaultName, _optionsName, StringComparison.Ordinal))
        {
            // A reloaded profile that no longer validates keeps the last good pipeline rather than failing requests.
            if (options.Validate() is { Count: > 0 } errors)
            {
                LogReloadErrors(string.Join(" ", errors));
                return;
            }

            // The reload token fires for any change to the configuration: rebuilding an unchanged profile would refill
            // rate limits, forget token ages, restart schedules and replay seeded sequences from the start.
            if (options.SourceSnapshot is not null && string.Equals(options.SourceSnapshot, _builtFrom, StringComparison.Ordinal))
            {
                return;
            }

            _builtFrom = options.SourceSnapshot;
            _current = Build(options);
        }
    }

    private FaultPipeline? Build(FaultInjectionOptions options)
    {
        if (!options.Enabled || options.Faults.Count == 0)
        {
            return null;
        }

        if (Guard.Refuses(options, _environment))
        {
            return null;
        }

        if (!_warnedActive)
        {
            _warnedActive = true;
            FaultTelemetry.LogActive(_logger, _clientName, options.Faults.Count);
        }

        return FaultPipelineFactory.Create(options, _clientName, _timeProvider, _telemetry);
    }
}
