using System.Diagnostics.Metrics;

namespace FaultLab.Load.Tests.Units;

/// <summary>The scenario instruments read through a <see cref="MeterListener"/>: names, values and tags, no load.</summary>
public sealed class InstrumentsTests
{
    [Fact]
    public void A_completion_counts_a_request_a_failure_when_failed_and_its_latency_in_seconds_with_scenario_agent_and_status_tags()
    {
        using var listener = new Listener(_ => true);
        var instruments = new ScenarioInstruments("checkout", new AgentShare(1, 3));

        instruments.Completed(Response.Fail(503), TimeSpan.FromMilliseconds(250));
        instruments.Completed(Response.Ok(), TimeSpan.FromMilliseconds(5));

        var tagsFail = "faultlab.load.scenario=checkout,faultlab.load.agent=1,http.response.status_code=503";
        var tagsOk = "faultlab.load.scenario=checkout,faultlab.load.agent=1";
        Assert.Equal(
        [
            ("faultlab.load.requests", 1.0, tagsFail), ("faultlab.load.failures", 1.0, tagsFail), ("faultlab.load.latency", 0.25, tagsFail),
            ("faultlab.load.requests", 1.0, tagsOk), ("faultlab.load.latency", 0.005, tagsOk),
        ], listener.Measurements);
    }

    [Fact]
    public void In_flight_goes_up_and_down_and_drops_are_counted_without_an_agent_tag_for_a_whole_run()
    {
        using var listener = new Listener(_ => true);
        var instruments = new ScenarioInstruments("s", AgentShare.Whole);

        instruments.Started();
        instruments.Finished();
        instruments.Dropped();

        Assert.Equal(
        [
            ("faultlab.load.in_flight", 1.0, "faultlab.load.scenario=s"), ("faultlab.load.in_flight", -1.0, "faultlab.load.scenario=s"),
            ("faultlab.load.dropped", 1.0, "faultlab.load.scenario=s"),
        ], listener.Measurements);
    }

    [Theory]
    [InlineData(LoadTelemetry.Requests)]
    [InlineData(LoadTelemetry.Failures)]
    [InlineData(LoadTelemetry.Latency)]
    public void Any_one_listened_instrument_is_recorded(string name)
    {
        using var listener = new Listener(i => i.Name == name);

        new ScenarioInstruments("s", AgentShare.Whole).Completed(Response.Fail(), TimeSpan.FromSeconds(2));

        Assert.Equal([name], listener.Measurements.Select(m => m.Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(599)]
    [InlineData(600)]
    [InlineData(1234)]
    public void Every_status_code_is_tagged_with_its_value(int code)
    {
        using var listener = new Listener(i => i.Name == LoadTelemetry.Requests);

        new ScenarioInstruments("s", AgentShare.Whole).Completed(Response.Ok(code), TimeSpan.FromSeconds(1));

        Assert.Equal($"faultlab.load.scenario=s,http.response.status_code={code}", listener.Measurements.Single().Tags);
    }

    private sealed class Listener : IDisposable
    {
        private readonly MeterListener _listener = new();

        public Listener(Func<Instrument, bool> listen)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LoadTelemetry.MeterName && listen(instrument))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
            _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
            _listener.Start();
        }

        public List<(string Name, double Value, string Tags)> Measurements { get; } = [];

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            lock (Measurements)
            {
                Measurements.Add((instrument.Name, value, text));
            }
        }
    }
}
