using System.Collections.Concurrent;
using HdrHistogram;

namespace FaultLab.Load;

/// <summary>
/// Latency and payload-size distributions split by outcome, plus the status breakdown (numeric and textual
/// codes) of each outcome: what NBomber-style reports show per scenario and per step. Lock-free like
/// <see cref="StatsRecorder"/>: concurrent histograms, <see cref="Interlocked"/> counters, dictionary lookups.
/// </summary>
internal sealed class OutcomeRecorder
{
    /// <summary>Beyond this many distinct textual status codes, new ones fold into "(other)" so memory stays bounded.</summary>
    public const int MaxStatusTexts = 100;

    private readonly ConcurrentDictionary<int, OutcomeCounter> _codes = new();
    private readonly ConcurrentDictionary<string, OutcomeCounter> _texts = new(StringComparer.Ordinal);
    private int _textCount;

    public Side Ok { get; } = new();
    public Side Fail { get; } = new();

    public IEnumerable<KeyValuePair<int, OutcomeCounter>> Codes => _codes;
    public IEnumerable<KeyValuePair<string, OutcomeCounter>> Texts => _texts;

    public void Record(Response response, long latencyMicros)
    {
        (response.IsSuccess ? Ok : Fail).Record(latencyMicros, response.SizeBytes);
        CounterFor(response).Add(response.IsSuccess);
    }

    private OutcomeCounter CounterFor(Response response)
    {
        if (response.StatusCode is not null || response.Status is not { } text)
        {
            return _codes.GetOrAdd(response.StatusCode ?? OutcomeCounter.NoStatusCode, static _ => new OutcomeCounter());
        }

        if (_texts.TryGetValue(text, out var existing))
        {
            return existing;
        }

        if (Volatile.Read(ref _textCount) >= MaxStatusTexts)
        {
            text = StatsRecorder.OtherTag;
        }

        var created = new OutcomeCounter();
        var actual = _texts.GetOrAdd(text, created);
        if (ReferenceEquals(actual, created))
        {
            Interlocked.Increment(ref _textCount);
        }

        return actual;
    }

    /// <summary>One outcome's distributions.</summary>
    public sealed class Side
    {
        public HistogramBase Latency { get; } = Histograms.NewConcurrentHistogram();
        public HistogramBase Bytes { get; } = Histograms.NewConcurrentSizeHistogram();
        private long _count, _totalBytes;

        public long Count => Volatile.Read(ref _count);
        public long TotalBytes => Volatile.Read(ref _totalBytes);

        public void Record(long latencyMicros, long sizeBytes)
        {
            Interlocked.Increment(ref _count);
            if (sizeBytes != 0)
            {
                Interlocked.Add(ref _totalBytes, sizeBytes);
            }

            Latency.RecordValue(latencyMicros);
            Bytes.RecordValue(Math.Clamp(sizeBytes, 0, Histograms.HighestBytes));
        }
    }
}
