using System.Diagnostics.Metrics;

namespace FaultLab.Control.Tests;

/// <summary>The controller counts FaultLab's own two counters, from any meter named FaultLab, and nothing else.</summary>
public sealed class CounterListenerTests
{
    [Fact]
    public void Only_the_injected_and_forwarded_counters_of_a_meter_named_FaultLab_are_counted()
    {
        const string client = nameof(Only_the_injected_and_forwarded_counters_of_a_meter_named_FaultLab_are_counted);
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { ClientName = client });
        using var faultLab = new Meter(FaultLabTelemetry.MeterName);
        using var other = new Meter("Orders.Telemetry");
        var tags = new[] { KeyValuePair.Create<string, object?>(FaultLabTelemetry.ClientTag, client), KeyValuePair.Create<string, object?>(FaultLabTelemetry.FaultNameTag, "counted") };

        faultLab.CreateCounter<long>(FaultLabTelemetry.InjectedCounterName).Add(2, tags);
        faultLab.CreateCounter<long>(FaultLabTelemetry.ForwardedCounterName).Add(3, tags);
        faultLab.CreateCounter<long>("faultlab.other").Add(50, tags);
        other.CreateCounter<long>(FaultLabTelemetry.InjectedCounterName).Add(70, tags);
        other.CreateCounter<long>(FaultLabTelemetry.ForwardedCounterName).Add(90, tags);

        var counters = controller.GetCounters();
        Assert.Equal(2, Assert.Single(counters.Injected, c => c.Key == "counted").Value);
        Assert.Equal(2, counters.InjectedTotal);
        Assert.Equal(3, counters.Forwarded);
    }

    [Fact]
    public void An_injection_without_a_fault_name_is_counted_under_a_question_mark()
    {
        const string client = nameof(An_injection_without_a_fault_name_is_counted_under_a_question_mark);
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { ClientName = client });
        using var faultLab = new Meter(FaultLabTelemetry.MeterName);

        faultLab.CreateCounter<long>(FaultLabTelemetry.InjectedCounterName).Add(4, KeyValuePair.Create<string, object?>(FaultLabTelemetry.ClientTag, client));

        Assert.Equal(new Dictionary<string, long> { ["?"] = 4 }, controller.GetCounters().Injected);
    }
}
