using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FaultLab.Load;

/// <summary>
/// One scenario's view of the FaultLab.Load meter: the instruments plus the scenario's (and agent's) tags, so the
/// hot path only adds a status code. Each call is a no-op check when nobody listens.
/// </summary>
internal sealed class ScenarioInstruments
{
    private static readonly Meter Meter = new(LoadTelemetry.MeterName, typeof(ScenarioInstruments).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> RequestCounter =
        Meter.CreateCounter<long>(LoadTelemetry.Requests, "{request}", "Completed iterations, ok and failed.");

    private static readonly Counter<long> FailureCounter =
        Meter.CreateCounter<long>(LoadTelemetry.Failures, "{request}", "Failed iterations.");

    private static readonly Histogram<double> LatencyHistogram = Meter.CreateHistogram(LoadTelemetry.Latency, "s",
        "Iteration latency from the intended start.",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            // Load latencies span 0.1 ms medians to multi-second stalls; OpenTelemetry's default buckets start at 5 s.
            HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        });

    private static readonly Counter<long> DroppedCounter =
        Meter.CreateCounter<long>(LoadTelemetry.Dropped, "{request}", "Open-model arrivals dropped at the concurrency cap.");

    private static readonly UpDownCounter<long> InFlightCounter =
        Meter.CreateUpDownCounter<long>(LoadTelemetry.InFlight, "{request}", "Iterations running now.");

    private readonly KeyValuePair<string, object?> _scenario;
    private readonly KeyValuePair<string, object?>? _agent;

    public ScenarioInstruments(string scenario, AgentShare share)
    {
        _scenario = new(LoadTelemetry.ScenarioTag, scenario);
        _agent = share.IsWhole ? null : new(LoadTelemetry.AgentTag, share.Index);
    }

    public void Started() => InFlightCounter.Add(1, Tags());

    public void Finished() => InFlightCounter.Add(-1, Tags());

    public void Dropped() => DroppedCounter.Add(1, Tags());

    public void Completed(Response response, TimeSpan latency)
    {
        if (!RequestCounter.Enabled && !FailureCounter.Enabled && !LatencyHistogram.Enabled)
        {
            return; // nobody listens: not even the tag list is built
        }

        var tags = Tags();
        if (response.StatusCode is { } code)
        {
            tags.Add(LoadTelemetry.StatusCodeTag, Box(code));
        }

        RequestCounter.Add(1, tags);
        if (!response.IsSuccess)
        {
            FailureCounter.Add(1, tags);
        }

        LatencyHistogram.Record(latency.TotalSeconds, tags);
    }

    /// <summary>HTTP status codes boxed once, so a listened-to run does not allocate a box per iteration.</summary>
    private static readonly object[] BoxedStatusCodes = Enumerable.Range(0, 600).Select(code => (object)code).ToArray();

    private static object Box(int code) => code is >= 0 and < 600 ? BoxedStatusCodes[code] : code;

    private TagList Tags()
    {
        var tags = new TagList { _scenario };
        if (_agent is { } agent)
        {
            tags.Add(agent);
        }

        return tags;
    }
}
