using System.Diagnostics.Metrics;
using FaultLab.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaultLab.Tests;

/// <summary>FaultLab's counters carry the UCUM-style units dashboards group them by.</summary>
public sealed class FaultTelemetryInstrumentTests
{
    [Theory]
    [InlineData(FaultLabTelemetry.InjectedCounterName, "{fault}")]
    [InlineData(FaultLabTelemetry.ForwardedCounterName, "{request}")]
    public void Each_counter_has_its_unit(string instrument, string unit)
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        _ = new FaultTelemetry(meters, NullLogger.Instance);

        using var collector = new MetricCollector<long>(meters, FaultLabTelemetry.MeterName, instrument);

        Assert.Equal(unit, collector.Instrument!.Unit);
    }
}
