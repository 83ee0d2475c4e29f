using System.Diagnostics;
using System.Net;
using FaultLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FaultLab.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Every_injected_fault_is_counted_tagged_on_the_activity_and_logged()
    {
        var logs = new FakeLogCollector();
        using var clients = Clients.Create(
            f => f.AddStatus(HttpStatusCode.ServiceUnavailable).AddDnsFailure(),
            services: s => s.AddMetrics().AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs))));
        var meterFactory = clients.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var counter = new MetricCollector<long>(meterFactory, FaultLabTelemetry.MeterName, FaultLabTelemetry.InjectedCounterName);
        using var source = new ActivitySource("test");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var activity = source.StartActivity("call")!;
        using var response = await clients.Client.GetAsync("/orders");

        var measurement = Assert.Single(counter.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("api", measurement.Tags[FaultLabTelemetry.ClientTag]);
        Assert.Equal("Status", measurement.Tags[FaultLabTelemetry.FaultKindTag]);
        Assert.Equal(503, measurement.Tags[FaultLabTelemetry.StatusCodeTag]);
        var injected = Assert.Single(activity.Events, e => e.Name == FaultLabTelemetry.InjectedEventName);
        Assert.Contains(injected.Tags, t => t.Key == FaultLabTelemetry.FaultKindTag && (string?)t.Value == "Status");
        Assert.Equal(true, activity.GetTagItem("faultlab.fault.injected"));
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Information &&
            r.Message.Contains("FaultLab injected Status fault", StringComparison.Ordinal) && r.Message.Contains("/orders", StringComparison.Ordinal));
        Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("ACTIVE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exceptions_are_tagged_with_their_error_type()
    {
        using var clients = Clients.Create(f => f.AddConnectionRefused(), services: s => s.AddMetrics());
        using var counter = new MetricCollector<long>(clients.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            FaultLabTelemetry.MeterName, FaultLabTelemetry.InjectedCounterName);

        await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/a"));

        var measurement = Assert.Single(counter.GetMeasurementSnapshot());
        Assert.Equal("HttpRequestException", measurement.Tags[FaultLabTelemetry.ErrorTypeTag]);
        Assert.Equal("ConnectionRefused", measurement.Tags[FaultLabTelemetry.FaultKindTag]);
    }

    [Fact]
    public async Task Requests_forwarded_to_the_dependency_are_counted_so_retry_amplification_can_be_measured()
    {
        using var clients = Clients.Create(f => f.WithSeed(1).AddStatus(HttpStatusCode.ServiceUnavailable, 0.5), services: s => s.AddMetrics());
        using var forwarded = new MetricCollector<long>(clients.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            FaultLabTelemetry.MeterName, FaultLabTelemetry.ForwardedCounterName);

        for (int i = 0; i < 40; i++)
        {
            using var _ = await clients.Client.GetAsync("/a");
        }

        Assert.Equal(clients.Upstream.Calls, forwarded.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(forwarded.GetMeasurementSnapshot(), m => Assert.Equal("api", m.Tags[FaultLabTelemetry.ClientTag]));
    }
}
