using FaultLab;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Aspire.Hosting;

/// <summary>What the app host owns for its fault proxies: the proxies themselves (stopped with the app) and the
/// OTLP export of FaultLab's meter and activity source to the dashboard.</summary>
internal sealed class FaultProxyHost : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly object _gate = new();
    private MeterProvider? _meters;
    private TracerProvider? _traces;

    /// <summary>Stopped with the app, the last owned first (a proxy's state timer before the proxy).</summary>
    public void Own(IAsyncDisposable owned)
    {
        lock (_gate)
        {
            _owned.Add(owned);
        }
    }

    /// <summary>Sends FaultLab's metrics and spans to the dashboard's OTLP endpoint, with the key the dashboard expects,
    /// under the proxy resource's name. Nothing is exported without a dashboard (tests, publish).</summary>
    public void ExportTelemetry(IConfiguration configuration, string serviceName)
    {
        string? endpoint = configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] ?? configuration["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"];
        string? httpEndpoint = configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"];
        lock (_gate)
        {
            if (_meters is not null || (endpoint is null && httpEndpoint is null))
            {
                return;
            }

            string? apiKey = configuration["AppHost:OtlpApiKey"];
            void Configure(OtlpExporterOptions otlp, string signal)
            {
                // gRPC takes the base address; OTLP/HTTP set explicitly needs each signal's path.
                otlp.Protocol = endpoint is not null ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                otlp.Endpoint = endpoint is not null ? new Uri(endpoint) : new Uri(new Uri(httpEndpoint!), "v1/" + signal);
                otlp.Headers = apiKey is null ? null : "x-otlp-api-key=" + apiKey;
            }

            var resource = ResourceBuilder.CreateEmpty().AddService(serviceName, autoGenerateServiceInstanceId: false);
            _meters = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter(FaultLabTelemetry.MeterName)
                .AddOtlpExporter((otlp, reader) =>
                {
                    Configure(otlp, "metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 1000; // a responsive dashboard
                })
                .Build();
            _traces = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(FaultLabTelemetry.ActivitySourceName)
                .AddOtlpExporter(otlp =>
                {
                    Configure(otlp, "traces");
                    otlp.BatchExportProcessorOptions.ScheduledDelayMilliseconds = 1000;
                })
                .Build();
        }
    }

    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable[] owned;
        lock (_gate)
        {
            owned = [.. _owned];
            _owned.Clear();
        }

        foreach (var item in owned.Reverse())
        {
            await item.DisposeAsync().ConfigureAwait(false);
        }

        _meters?.Dispose();
        _traces?.Dispose();
    }
}
