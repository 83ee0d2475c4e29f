using HdrHistogram;

namespace FaultLab.Load;

/// <summary>Counters and a concurrent histogram for one tag.</summary>
internal sealed class TagRecorder
{
    private long _ok, _fail;
    public HistogramBase Latency { get; } = Histograms.NewConcurrentHistogram();
    public long Ok => Volatile.Read(ref _ok);
    public long Fail => Volatile.Read(ref _fail);
    public void Record(bool success, long micros)
    {
        if (success)
        {
            Interlocked.Increment(ref _ok);
        }
        else
        {
            Interlocked.Increment(ref _fail);
        }

        Latency.RecordValue(micros);
    }
}
