using System.Diagnostics;
using System.Diagnostics.Metrics;
using Aspire.Hosting;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>FaultLab's spans and metrics go to the dashboard's OTLP endpoint, under the proxy's name, only when the app host
/// runs a dashboard. The export is flushed when the app is disposed, so no test waits for an export interval.</summary>
public sealed class TelemetryTests
{
    private const string MetricsPath = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";
    private const string TracesPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    [Fact]
    public async Task Over_otlp_http_each_signal_goes_to_its_path_with_the_dashboards_api_key_under_the_proxys_name()
    {
        await using var otlp = await OtlpReceiver.StartAsync(grpc: false);

        await RunAsync(new()
        {
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = otlp.BaseAddress.AbsoluteUri,
            ["AppHost:OtlpApiKey"] = "dashboard-key",
        }, "http-span");

        Assert.Equal(["/v1/metrics", "/v1/traces"], otlp.Exports.Select(e => e.Path).Distinct().Order());
        Assert.All(otlp.Exports, e =>
        {
            Assert.Equal("dashboard-key", e.ApiKey);
            Assert.Equal("application/x-protobuf", e.ContentType);
            Assert.True(e.Holds("telemetry-chaos"), $"{e.Path} does not name the proxy resource");
            Assert.False(e.Holds("second-chaos"), $"{e.Path} names the second proxy: one export per app host, under the first proxy");
        });
        Assert.Contains(otlp.Exports, e => e.Path == "/v1/traces" && e.Holds("http-span"));
        Assert.Contains(otlp.Exports, e => e.Path == "/v1/metrics" && e.Holds("faultlab.test.exported"));
    }

    [Theory]
    [InlineData("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL")]
    [InlineData("DOTNET_DASHBOARD_OTLP_ENDPOINT_URL")]
    public async Task Over_grpc_when_the_dashboard_has_a_grpc_endpoint_which_wins_over_http(string setting)
    {
        await using var grpc = await OtlpReceiver.StartAsync(grpc: true);
        await using var http = await OtlpReceiver.StartAsync(grpc: false);

        await RunAsync(new()
        {
            [setting] = grpc.BaseAddress.AbsoluteUri,
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = http.BaseAddress.AbsoluteUri,
            ["AppHost:OtlpApiKey"] = "grpc-key",
        }, "grpc-span");

        Assert.Equal([MetricsPath, TracesPath], grpc.Exports.Select(e => e.Path).Distinct().Order(StringComparer.Ordinal));
        Assert.All(grpc.Exports, e =>
        {
            Assert.Equal("grpc-key", e.ApiKey);
            Assert.Equal("application/grpc", e.ContentType);
            Assert.True(e.Holds("telemetry-chaos"), $"{e.Path} does not name the proxy resource");
        });
        Assert.Contains(grpc.Exports, e => e.Path == TracesPath && e.Holds("grpc-span"));
        Assert.Empty(http.Exports);
    }

    [Fact]
    public async Task Without_an_api_key_no_key_header_is_sent()
    {
        await using var otlp = await OtlpReceiver.StartAsync(grpc: false);

        await RunAsync(new() { ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = otlp.BaseAddress.AbsoluteUri }, "keyless-span");

        Assert.NotEmpty(otlp.Exports);
        Assert.All(otlp.Exports, e => Assert.Equal("", e.ApiKey));
    }

    [Fact]
    public async Task Without_a_dashboard_nothing_is_exported()
    {
        await using var otlp = await OtlpReceiver.StartAsync(grpc: false);

        // The receiver's address is known to the app host only under a name FaultLab does not read.
        await RunAsync(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.BaseAddress.AbsoluteUri }, "unexported-span");

        Assert.Empty(otlp.Exports);
    }

    /// <summary>Builds an app host with two proxies, raises its start event, records one FaultLab span and one FaultLab
    /// measurement, then disposes the app (which flushes the exporters).</summary>
    private static async Task RunAsync(Dictionary<string, string> configuration, string spanName)
    {
        var builder = AppModel.CreateBuilder();
        foreach (var (key, value) in configuration)
        {
            builder.Configuration[key] = value;
        }

        builder.AddService("telemetry").WithFaultProxy(AppModel.Profile());
        builder.AddService("second").WithFaultProxy(AppModel.Profile());
        var app = builder.Build();
        await app.BeforeStartAsync();

        using (var source = new ActivitySource(FaultLabTelemetry.ActivitySourceName))
        using (var meter = new Meter(FaultLabTelemetry.MeterName))
        {
            using (source.StartActivity(spanName))
            {
                meter.CreateCounter<long>("faultlab.test.exported").Add(1);
            }

            await app.DisposeAsync();
        }
    }
}
