using HdrHistogram;

namespace FaultLab.Load;

/// <summary>
/// The reading side of a <see cref="StatsRecorder"/>: once per interval it swaps out the interval's
/// latencies, turns them into a timeline point, keeps the interval compressed for the interval log (so memory
/// stays small however long the run) and adds them to the run totals. Single-threaded by design.
/// </summary>
internal sealed class IntervalAggregator
{
    private readonly StatsRecorder _recorder;
    private readonly List<TimelinePoint> _timeline = [];
    private readonly List<(double Start, double Length, byte[] Compressed)> _intervals = [];
    private readonly Dictionary<int, long> _lastStatus = [];
    private readonly Dictionary<string, long> _lastText = new(StringComparer.Ordinal);
    private readonly HistogramBase _combined = Histograms.NewHistogram();
    private HistogramBase? _openInterval, _closedInterval;
    private long _lastOk, _lastFail, _lastDropped;
    private double _lastEndSeconds;

    public IntervalAggregator(StatsRecorder recorder) => _recorder = recorder;

    public HistogramBase OpenTotal { get; } = Histograms.NewHistogram();
    public HistogramBase ClosedTotal { get; } = Histograms.NewHistogram();
    public IReadOnlyList<TimelinePoint> Timeline => _timeline;

    /// <summary>Closes the interval ending at <paramref name="endSeconds"/> since the measured start.</summary>
    public TimelinePoint CloseInterval(double endSeconds)
    {
        // Counters first and all from one source (the per-status counters), so a point's count, ok, fail and
        // status breakdown always agree — even when a burst completes while the interval is being closed.
        var (ok, fail, statusCodes) = SnapshotStatus();
        var dropped = _recorder.Dropped;
        (_openInterval, _closedInterval) = _recorder.TakeInterval(_openInterval, _closedInterval);
        OpenTotal.Add(_openInterval);
        ClosedTotal.Add(_closedInterval);
        _combined.Reset();
        _combined.Add(_openInterval);
        _combined.Add(_closedInterval);

        var length = Math.Max(endSeconds - _lastEndSeconds, 1e-6);
        var count = ok - _lastOk + fail - _lastFail;
        var point = new TimelinePoint
        {
            StartSeconds = _lastEndSeconds,
            LengthSeconds = length,
            Ok = ok - _lastOk,
            Fail = fail - _lastFail,
            Count = count,
            Dropped = dropped - _lastDropped,
            Rps = count / length,
            P50Ms = LatencyStats.Percentile(_combined, 50),
            P99Ms = LatencyStats.Percentile(_combined, 99),
            MaxMs = _combined.TotalCount == 0 ? 0 : _combined.GetMaxValue() / 1000.0,
            StatusCodes = statusCodes,
        };
        _intervals.Add((_lastEndSeconds, length, Histograms.EncodeCompressed(_combined)));
        _timeline.Add(point);
        (_lastOk, _lastFail, _lastDropped, _lastEndSeconds) = (ok, fail, dropped, endSeconds);
        return point;
    }

    /// <summary>The interval histograms, decoded, tagged with the scenario name.</summary>
    public IReadOnlyList<IntervalHistogram> DecodeIntervals(string tag) =>
        _intervals.Select(i => new IntervalHistogram(tag, i.Start, i.Length, Histograms.DecodeCompressed(i.Compressed))).ToList();

    /// <summary>Running ok/fail totals and this interval's completions per status code.</summary>
    private (long Ok, long Fail, Dictionary<string, long> Delta) SnapshotStatus()
    {
        long ok = 0, fail = 0;
        var delta = new Dictionary<string, long>();
        foreach (var (code, counter) in _recorder.StatusCodes)
        {
            long codeOk = counter.Ok, codeFail = counter.Fail;
            ok += codeOk;
            fail += codeFail;
            _lastStatus.TryGetValue(code, out var previous);
            if (codeOk + codeFail - previous > 0)
            {
                delta[StatusLabel(code)] = codeOk + codeFail - previous;
            }

            _lastStatus[code] = codeOk + codeFail;
        }
        // Textual status codes ("not found header") are kept apart from the numeric ones; they count the same.
        foreach (var (text, counter) in _recorder.Outcomes.Texts)
        {
            long codeOk = counter.Ok, codeFail = counter.Fail;
            ok += codeOk;
            fail += codeFail;
            _lastText.TryGetValue(text, out var previous);
            if (codeOk + codeFail - previous > 0)
            {
                delta[text] = codeOk + codeFail - previous;
            }

            _lastText[text] = codeOk + codeFail;
        }
        return (ok, fail, delta);
    }

    public static string StatusLabel(int code) =>
        code == OutcomeCounter.NoStatusCode ? "none" : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
