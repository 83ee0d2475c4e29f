using BenchmarkDotNet.Attributes;
using FaultLab.Load;
using HdrHistogram;

namespace FaultLab.Benchmarks;

/// <summary>
/// Issue 6, part 3: the load engine's hot path, recording one finished iteration. The baseline is HdrHistogram's
/// own recorder, the floor any latency recording pays; the ratio is what the engine's counters and breakdowns add.
/// No interval swapping between iterations: histograms are fixed-size arrays, so growing counts cost nothing, and
/// [IterationSetup] would force one invocation per iteration, useless at nanosecond scale.
/// </summary>
[MemoryDiagnoser]
public class StatsRecorderBenchmarks
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(1.234);
    private static readonly Response Ok = Response.Ok(200, sizeBytes: 512);
    private static readonly Response Failed = Response.Fail(503, "injected");
    private static readonly Response Tagged = Response.Ok(200, sizeBytes: 512, tag: "GET /items");

    private StatsRecorder _recorder = null!;
    private Recorder _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _recorder = new StatsRecorder(enabled: true);
        _floor = new Recorder(1, 3_600_000_000, 3, (id, low, high, digits) => new LongConcurrentHistogram(id, low, high, digits));
    }

    [Benchmark(Baseline = true, Description = "HdrHistogram Recorder.RecordValue")]
    public void Floor() => _floor.RecordValue(1234);

    [Benchmark(Description = "Record: ok, 200, bytes")]
    public void RecordOk() => _recorder.Record(Ok, Latency, closedModel: true);

    [Benchmark(Description = "Record: fail, 503")]
    public void RecordFail() => _recorder.Record(Failed, Latency, closedModel: false);

    [Benchmark(Description = "Record: ok, tagged")]
    public void RecordTagged() => _recorder.Record(Tagged, Latency, closedModel: true);
}
