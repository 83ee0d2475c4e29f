using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace FaultLab.Load.Tests.Distributed;

public sealed class LiveMetricsTests
{
    [Fact]
    public async Task A_MeterListener_sees_requests_failures_latency_dropped_and_in_flight_per_scenario()
    {
        var scenario = $"live-{Guid.NewGuid():N}";
        var totals = new Dictionary<string, double>();
        var inFlight = 0L;
        var maxInFlight = 0L;
        var latencies = new List<double>();
        var statusTags = new HashSet<object?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LoadTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var mine = false;
            foreach (var tag in tags)
            {
                mine |= tag.Key == LoadTelemetry.ScenarioTag && (string?)tag.Value == scenario;
                if (tag.Key == LoadTelemetry.StatusCodeTag && instrument.Name == LoadTelemetry.Requests)
                {
                    lock (statusTags) statusTags.Add(tag.Value);
                }
            }

            if (!mine)
            {
                return;
            }

            lock (totals)
            {
                totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
                if (instrument.Name == LoadTelemetry.Latency)
                {
                    latencies.Add(value);
                }

                if (instrument.Name == LoadTelemetry.InFlight)
                {
                    inFlight += (long)value;
                    maxInFlight = Math.Max(maxInFlight, inFlight);
                }
            }
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => OnMeasurement(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => OnMeasurement(i, v, t));
        listener.Start();

        // Concurrency cap 2 and 30 ms per call at 100 arrivals/s: most arrivals find both slots taken and are dropped.
        var result = await Quiet.RunAsync(Scenario.Create(scenario, async ctx =>
            {
                await Task.Delay(30, ctx.CancellationToken);
                return ctx.Iteration % 3 == 0 ? Response.Fail(503) : Response.Ok(200);
            })
            .WithMaxConcurrency(2)
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))));

        var stats = result[scenario].Stats;
        Assert.True(stats.Dropped > 0 && stats.Fail > 0, $"dropped {stats.Dropped}, fail {stats.Fail}");
        Assert.Equal(stats.Count, totals[LoadTelemetry.Requests]);
        Assert.Equal(stats.Fail, totals[LoadTelemetry.Failures]);
        Assert.Equal(stats.Dropped, totals[LoadTelemetry.Dropped]);
        Assert.Equal(stats.Count, latencies.Count);
        Assert.All(latencies, seconds => Assert.InRange(seconds, 0.02, 5)); // seconds (a 30 ms call), not milliseconds
        Assert.Equal(0, inFlight);                 // every start has its finish
        Assert.Equal(2, maxInFlight);              // never above the cap, and the cap was reached
        Assert.Equal([200, 503], statusTags.Select(t => (int)t!).Order());
    }

    [Fact]
    public async Task The_OpenTelemetry_set_up_in_the_docs_exports_a_run_over_OTLP()
    {
        // A local OTLP/HTTP receiver stands in for the collector; the exporter finds it through the standard variables.
        var metricPosts = 0;
        var lastBody = Array.Empty<byte>();
        await using var collector = await FaultLab.Tests.Shared.LoopbackServer.StartAsync(app => app.MapPost("/v1/metrics", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            lastBody = body.ToArray();
            Interlocked.Increment(ref metricPosts);
            context.Response.ContentType = "application/x-protobuf";
        }));
        using var endpoint = new EnvironmentVariables(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.BaseAddress.ToString().TrimEnd('/')),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        var exported = new List<Metric>();
        using (var inMemory = Sdk.CreateMeterProviderBuilder().AddMeter(LoadTelemetry.MeterName).AddInMemoryExporter(exported).Build())
        {
            // docs/load-distributed.md:otel:begin
            using var metrics = Sdk.CreateMeterProviderBuilder()
                .AddMeter(LoadTelemetry.MeterName)             // FaultLab.Load's live instruments
                .AddOtlpExporter()                             // to OTEL_EXPORTER_OTLP_ENDPOINT: a collector, Prometheus, the Aspire dashboard
                .Build();
            // docs/load-distributed.md:otel:end

            var result = await Quiet.RunAsync(Scenario.Create("otel", _ => Task.FromResult(Response.Ok(200)))
                .WithLoadSimulations(Simulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500))));
            Assert.Equal(10, result["otel"].Stats.Count);
            Assert.True(metrics.ForceFlush(10_000));
            inMemory.ForceFlush();
        }

        Assert.True(Volatile.Read(ref metricPosts) > 0, "the OTLP exporter posted nothing to /v1/metrics");
        Assert.True(lastBody.Length > 0);
        var requests = exported.Last(m => m.Name == LoadTelemetry.Requests);
        long sum = 0;
        foreach (ref readonly var point in requests.GetMetricPoints())
        {
            sum += point.GetSumLong();
        }

        Assert.Equal(10, sum);
        var latency = exported.Last(m => m.Name == LoadTelemetry.Latency);
        Assert.Equal("s", latency.Unit);
        Assert.Equal(MetricType.Histogram, latency.MetricType);
    }
}
