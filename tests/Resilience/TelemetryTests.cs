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
    [Fact]
    public async Task A_named_fault_is_tagged_and_logged_by_its_name_with_the_exact_outcome()
    {
        var logs = new FakeLogCollector();
        using var clients = Clients.Create(
            f => f.AddStatus(s => { s.StatusCode = 429; s.Name = "throttle"; s.Target = new FaultTarget(); s.Target.Paths.Add("/s"); })
                  .AddFault<ConnectionResetFault>(c => { c.Name = "reset"; c.Target = new FaultTarget(); c.Target.Paths.Add("/e"); }),
            services: s => s.AddMetrics().AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs))));
        using var counter = new MetricCollector<long>(clients.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            FaultLabTelemetry.MeterName, FaultLabTelemetry.InjectedCounterName);

        using var throttled = await clients.Client.GetAsync("/s?x=1");
        await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.PostAsync("/e", null));
        using var passed = await clients.Client.GetAsync("/other");

        var measurements = counter.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.Equal("throttle", measurements[0].Tags[FaultLabTelemetry.FaultNameTag]);
        Assert.Equal(429, measurements[0].Tags[FaultLabTelemetry.StatusCodeTag]);
        Assert.False(measurements[0].Tags.ContainsKey(FaultLabTelemetry.ErrorTypeTag));
        Assert.Equal("reset", measurements[1].Tags[FaultLabTelemetry.FaultNameTag]);
        Assert.Equal("ConnectionReset", measurements[1].Tags[FaultLabTelemetry.FaultKindTag]);
        Assert.False(measurements[1].Tags.ContainsKey(FaultLabTelemetry.StatusCodeTag));
        Assert.Equal(
        [
            "FaultLab injected Status fault 'throttle' into GET http://orders.internal:8080/s?x=1 (client 'api', outcome 429)",
            "FaultLab injected ConnectionReset fault 'reset' into POST http://orders.internal:8080/e (client 'api', outcome HttpRequestException)",
        ], logs.GetSnapshot().Where(r => r.Level == LogLevel.Information && r.Category == "FaultLab").Select(r => r.Message));
        Assert.Equal("FaultLab fault injection is ACTIVE for client 'api' (2 faults): failures on this client may be injected, not real",
            Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning).Message);
    }

    [Fact]
    public async Task The_activity_event_carries_every_tag_of_the_metric()
    {
        using var clients = Clients.Create(f => f.AddStatus(s => { s.StatusCode = 502; s.Name = "gw"; }));
        using var source = new ActivitySource("test-tags");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "test-tags",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var activity = source.StartActivity("call")!;
        using var response = await clients.Client.GetAsync("/a");

        var injected = Assert.Single(activity.Events, e => e.Name == FaultLabTelemetry.InjectedEventName);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                [FaultLabTelemetry.ClientTag] = "api",
                [FaultLabTelemetry.FaultKindTag] = "Status",
                [FaultLabTelemetry.FaultNameTag] = "gw",
                [FaultLabTelemetry.StatusCodeTag] = 502,
            },
            injected.Tags.ToDictionary(t => t.Key, t => t.Value));
        Assert.Equal("Status", activity.GetTagItem(FaultLabTelemetry.FaultKindTag));
    }

    [Fact]
    public async Task The_request_lists_every_fault_injected_into_it_across_retries_oldest_first()
    {
        using var clients = Clients.Create(
            f => f.AddStatus(s => { s.StatusCode = 503; s.Name = "first"; }),
            more: b => b.AddStandardResilienceHandler());
        var request = new HttpRequestMessage(HttpMethod.Get, "/a");
        InjectedFault.Track(request);
        InjectedFault.Track(request); // tracking twice keeps the one log

        using var response = await clients.TimeProvider.Drive(clients.Client.SendAsync(request), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(Enumerable.Repeat(new InjectedFault("Status", "first", 503, null), 4), InjectedFault.For(request));
        Assert.Empty(InjectedFault.For(new HttpRequestMessage()));
    }
}
