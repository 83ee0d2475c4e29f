using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace FaultLab.Telemetry;

/// <summary>Reports each injected fault three ways (metric, activity event, log) so nobody mistakes it for an outage.</summary>
internal sealed partial class FaultTelemetry
{
    private static readonly ActivitySource Source = new(FaultLabTelemetry.ActivitySourceName);
    private static readonly Meter SharedMeter = new(FaultLabTelemetry.MeterName);

    private readonly Counter<long> _injected;
    private readonly Counter<long> _forwarded;
    private readonly ILogger _logger;

    public FaultTelemetry(IMeterFactory? meterFactory, ILogger logger)
    {
        Meter meter = meterFactory?.Create(FaultLabTelemetry.MeterName) ?? SharedMeter;
        _injected = meter.CreateCounter<long>(FaultLabTelemetry.InjectedCounterName, unit: "{fault}", description: "Faults injected by FaultLab");
        _forwarded = meter.CreateCounter<long>(FaultLabTelemetry.ForwardedCounterName, unit: "{request}",
            description: "Requests FaultLab let through to the dependency (attempts the dependency really saw)");
        _logger = logger;
    }

    public void RecordForwarded(string client) => _forwarded.Add(1, new KeyValuePair<string, object?>(FaultLabTelemetry.ClientTag, client));

    public static ActivitySource ActivitySource => Source;

    public void Report(string client, InjectedFault fault, HttpRequestMessage? request)
    {
        var tags = new TagList
        {
            { FaultLabTelemetry.ClientTag, client },
            { FaultLabTelemetry.FaultKindTag, fault.Kind },
            { FaultLabTelemetry.FaultNameTag, fault.Name },
        };
        if (fault.StatusCode is { } status)
        {
            tags.Add(FaultLabTelemetry.StatusCodeTag, status);
        }

        if (fault.ErrorType is { } error)
        {
            tags.Add(FaultLabTelemetry.ErrorTypeTag, error);
        }

        _injected.Add(1, tags);

        if (Activity.Current is { } activity)
        {
            activity.SetTag("faultlab.fault.injected", true);
            activity.SetTag(FaultLabTelemetry.FaultKindTag, fault.Kind);
            activity.AddEvent(new ActivityEvent(FaultLabTelemetry.InjectedEventName, tags: new ActivityTagsCollection(tags)));
        }

        if (request is not null)
        {
            InjectedFault.Record(request, fault);
        }

        LogInjected(_logger, fault.Kind, fault.Name, request?.Method.Method ?? "?", request?.RequestUri?.ToString() ?? "?", client,
            fault.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? fault.ErrorType ?? "-");
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "FaultLab injected {FaultKind} fault '{FaultName}' into {Method} {Uri} (client '{Client}', outcome {Outcome})")]
    private static partial void LogInjected(ILogger logger, string faultKind, string faultName, string method, string uri, string client, string outcome);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "FaultLab fault injection is ACTIVE for client '{Client}' ({FaultCount} faults): failures on this client may be injected, not real")]
    public static partial void LogActive(ILogger logger, string client, int faultCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "FaultLab fault injection is configured for client '{Client}' but refused, so this client gets no faults: the environment is Production (from {Source}) and AllowInProduction is false. Allow it in the profile, or name the environment (for example DOTNET_ENVIRONMENT=Development)")]
    public static partial void LogRefusedInProduction(ILogger logger, string client, string source);
}
