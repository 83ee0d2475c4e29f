using System.Collections.Concurrent;
using HdrHistogram;

namespace FaultLab.Load;

/// <summary>
/// The hot path: every completed iteration is recorded here from many threads at once. No global lock:
/// latencies go to HdrHistogram <see cref="Recorder"/>s (interval swapping via a writer-reader phaser), counters
/// are <see cref="Interlocked"/>, breakdowns are lock-free dictionary lookups of counter objects.
/// </summary>
internal sealed class StatsRecorder
{
    /// <summary>Beyond this many distinct tags, new tags are folded together so memory stays bounded.</summary>
    public const int MaxTags = 100;
    public const string OtherTag = "(other)";

    private readonly Recorder _open = Histograms.NewRecorder();
    private readonly Recorder _closed = Histograms.NewRecorder();
    private readonly ConcurrentDictionary<int, OutcomeCounter> _statusCodes = new();
    private readonly ConcurrentDictionary<string, TagRecorder> _tags = new();
    private int _tagCount;
    private long _ok, _fail, _dropped, _bytes, _closedCopyTicks, _activeCopies, _activeCopyStartTicks;

    public StatsRecorder(bool enabled) => Enabled = enabled;

    /// <summary>Gets a value indicating whether results are recorded; false during warm-up, when everything is discarded.</summary>
    public bool Enabled { get; }

    public HistogramBase ScheduleLag { get; } = Histograms.NewConcurrentHistogram();

    public long Ok => Volatile.Read(ref _ok);
    public long Fail => Volatile.Read(ref _fail);
    public long Dropped => Volatile.Read(ref _dropped);
    public long Bytes => Volatile.Read(ref _bytes);
    /// <summary>Gets the sum of closed-model copies' active time, in <see cref="TimeSpan"/> ticks.</summary>
    public long ClosedCopyTicks => Volatile.Read(ref _closedCopyTicks);

    public IEnumerable<KeyValuePair<int, OutcomeCounter>> StatusCodes => _statusCodes;
    public IEnumerable<KeyValuePair<string, TagRecorder>> Tags => _tags;

    /// <summary>Gets the latency, size and status distributions split by outcome; textual status codes live here.</summary>
    public OutcomeRecorder Outcomes { get; } = new();

    /// <summary>Gets the per-step statistics of the steps run inside iterations.</summary>
    public StepsRecorder Steps { get; } = new();

    /// <summary>Records one step run (discarded during warm-up).</summary>
    public void RecordStep(string name, Response response, TimeSpan latency)
    {
        if (Enabled)
        {
            Steps.Record(name, response, latency);
        }
    }

    public void Record(Response response, TimeSpan latency, bool closedModel)
    {
        if (!Enabled)
        {
            return;
        }

        var micros = Histograms.ToMicros(latency);
        (closedModel ? _closed : _open).RecordValue(micros);
        if (response.IsSuccess)
        {
            Interlocked.Increment(ref _ok);
        }
        else
        {
            Interlocked.Increment(ref _fail);
        }

        if (response.SizeBytes != 0)
        {
            Interlocked.Add(ref _bytes, response.SizeBytes);
        }

        Outcomes.Record(response, micros);
        if (response.StatusCode is not null || response.Status is null) // textual codes are counted by Outcomes
        {
            _statusCodes.GetOrAdd(response.StatusCode ?? OutcomeCounter.NoStatusCode, static _ => new OutcomeCounter())
                .Add(response.IsSuccess);
        }
        if (response.Tag is { } tag)
        {
            TagFor(tag).Record(response.IsSuccess, micros);
        }
    }

    public void RecordDropped()
    {
        if (Enabled)
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public void RecordScheduleLag(TimeSpan lag)
    {
        if (Enabled)
        {
            ScheduleLag.RecordValue(Histograms.ToMicros(lag));
        }
    }

    /// <summary>
    /// Active time of closed-model copies up to <paramref name="now"/> (time since the run start): finished copies'
    /// time plus the running copies' time so far, so a mid-run abort check corrects like the final verdict does.
    /// </summary>
    public long ClosedCopyTicksUntil(TimeSpan now)
    {
        var active = Volatile.Read(ref _activeCopies);
        var starts = Volatile.Read(ref _activeCopyStartTicks);
        return ClosedCopyTicks + Math.Max(0, active * now.Ticks - starts);
    }

    /// <summary>A closed-model copy starts, <paramref name="at"/> after the run start.</summary>
    public void BeginClosedCopy(TimeSpan at)
    {
        if (!Enabled)
        {
            return;
        }

        Interlocked.Add(ref _activeCopyStartTicks, at.Ticks);
        Interlocked.Increment(ref _activeCopies);
    }

    /// <summary>A closed-model copy started at <paramref name="from"/> stops at <paramref name="to"/> (times since the run start).</summary>
    public void EndClosedCopy(TimeSpan from, TimeSpan to)
    {
        if (!Enabled)
        {
            return;
        }

        Interlocked.Add(ref _closedCopyTicks, (to - from).Ticks);
        Interlocked.Decrement(ref _activeCopies);
        Interlocked.Add(ref _activeCopyStartTicks, -from.Ticks);
    }

    /// <summary>Swaps out the latencies recorded since the previous call (single reader only).</summary>
    public (HistogramBase Open, HistogramBase Closed) TakeInterval(HistogramBase? recycledOpen, HistogramBase? recycledClosed) =>
        (_open.GetIntervalHistogram(recycledOpen), _closed.GetIntervalHistogram(recycledClosed));

    private TagRecorder TagFor(string tag)
    {
        if (_tags.TryGetValue(tag, out var existing))
        {
            return existing;
        }
        // Not ConcurrentDictionary.Count: it takes every bucket lock, and beyond the cap each folded tag lands here.
        // Stryker disable once Block : without the early return GetOrAdd below returns the same existing (other) recorder and counts nothing
        if (Volatile.Read(ref _tagCount) >= MaxTags && _tags.TryGetValue(tag = OtherTag, out existing))
        {
            return existing;
        }

        var created = new TagRecorder();
        var actual = _tags.GetOrAdd(tag, created);
        if (ReferenceEquals(actual, created))
        {
            Interlocked.Increment(ref _tagCount);
        }

        return actual;
    }
}
