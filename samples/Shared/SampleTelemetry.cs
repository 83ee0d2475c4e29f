using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FaultLab.Samples;

/// <summary>Both sample services send their HTTP spans and metrics to the Aspire dashboard (OTEL_* variables set by the app host).</summary>
internal static class SampleTelemetry
{
    public static void AddSampleTelemetry(this IServiceCollection services) =>
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource("Microsoft.AspNetCore", "System.Net.Http"))
            .WithMetrics(m => m.AddMeter("Microsoft.AspNetCore.Hosting", "System.Net.Http"))
            .UseOtlpExporter();
}
