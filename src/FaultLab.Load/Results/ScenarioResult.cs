using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace FaultLab.Load;

/// <summary>
/// The outcome of one scenario: statistics, per-second timeline and threshold verdicts, plus extension points
/// (custom metrics, report sections, timeline markers) that code outside the engine fills in after the run.
/// </summary>
public sealed class ScenarioResult
{
    private readonly ConcurrentDictionary<string, double> _customMetrics = new(StringComparer.Ordinal);
    private readonly List<TimelineMarker> _markers = [];
    private readonly List<TimelineWindow> _windows = [];
    private readonly List<ReportSection> _sections = [];
    private readonly object _gate = new();
    private ScenarioHistograms? _histograms;

    internal ScenarioResult(ScenarioStats stats, IReadOnlyList<TimelinePoint> timeline, IReadOnlyList<ThresholdResult> thresholds,
        IReadOnlyList<IntervalHistogram> intervals, IReadOnlyList<LoadSimulation> simulations, string? abortReason,
        DateTimeOffset measuredStartedAt = default)
        : this(stats, timeline, thresholds, intervals, simulations.Select(s => s.ToString()).ToList(), abortReason, measuredStartedAt)
    {
    }

    /// <summary>A result rebuilt from reports (a merge), whose load phases are known only by their descriptions.</summary>
    internal ScenarioResult(ScenarioStats stats, IReadOnlyList<TimelinePoint> timeline, IReadOnlyList<ThresholdResult> thresholds,
        IReadOnlyList<IntervalHistogram> intervals, IReadOnlyList<string> simulations, string? abortReason, DateTimeOffset measuredStartedAt)
    {
        MeasuredStartedAt = measuredStartedAt;
        Stats = stats;
        Timeline = timeline;
        Thresholds = thresholds;
        Intervals = intervals;
        Simulations = simulations;
        AbortReason = abortReason;
    }

    /// <summary>Gets the scenario name.</summary>
    public string Name => Stats.ScenarioName;

    /// <summary>Gets the aggregated statistics.</summary>
    public ScenarioStats Stats { get; }

    /// <summary>
    /// Gets when the measured run began (after init and warm-up): the origin of <see cref="Timeline"/>, <see cref="Intervals"/>
    /// and markers, which all count seconds from here.
    /// </summary>
    public DateTimeOffset MeasuredStartedAt { get; }

    /// <summary>Gets one point per second of the measured run.</summary>
    public IReadOnlyList<TimelinePoint> Timeline { get; }

    /// <summary>Gets the verdicts of the scenario's thresholds.</summary>
    public IReadOnlyList<ThresholdResult> Thresholds { get; }

    /// <summary>Gets the load phases, described.</summary>
    public IReadOnlyList<string> Simulations { get; }

    /// <summary>Gets the per-interval latency histograms (microseconds), the content of the interval log.</summary>
    [JsonIgnore]
    public IReadOnlyList<IntervalHistogram> Intervals { get; }

    /// <summary>
    /// Gets the histograms behind <see cref="Stats"/> and <see cref="Timeline"/>, encoded for the JSON report so
    /// results of several agents can be merged by adding histograms (never by averaging percentiles).
    /// </summary>
    public ScenarioHistograms Histograms => _histograms ??= ScenarioHistograms.Encode(Stats, Intervals);

    /// <summary>Gets why the scenario stopped early, or null when it ran to completion.</summary>
    public string? AbortReason { get; }

    /// <summary>Gets a value indicating whether every threshold passed and the scenario was not aborted.</summary>
    public bool Passed => AbortReason is null && Thresholds.All(t => t.Passed);

    /// <summary>Gets the extra numbers attached after the run (e.g. retry amplification), rendered in every report.</summary>
    public IReadOnlyDictionary<string, double> CustomMetrics => _customMetrics;

    /// <summary>Gets the annotations on the timeline, drawn on the HTML charts.</summary>
    public IReadOnlyList<TimelineMarker> Markers { get { lock (_gate) { return _markers.ToList(); } } }

    /// <summary>Gets the marked stretches of the timeline (shaded bands on the HTML charts), oldest first.</summary>
    public IReadOnlyList<TimelineWindow> Windows { get { lock (_gate) { return _windows.OrderBy(w => w.StartSeconds).ToList(); } } }

    /// <summary>Gets the extra tables attached after the run, rendered in every report.</summary>
    public IReadOnlyList<ReportSection> Sections { get { lock (_gate) { return _sections.ToList(); } } }

    /// <summary>Attaches or replaces a custom metric.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="value">Metric value.</param>
    public void SetMetric(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        _customMetrics[name] = value;
    }

    /// <summary>Adds a timeline marker.</summary>
    /// <param name="at">Time since the measured run began.</param>
    /// <param name="label">Short label.</param>
    /// <param name="category">Optional grouping.</param>
    public void AddMarker(TimeSpan at, string label, string? category = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(at, TimeSpan.Zero);

        ArgumentException.ThrowIfNullOrWhiteSpace(label);

        lock (_gate)
        {
            _markers.Add(new TimelineMarker(at.TotalSeconds, label, category));
        }
    }

    /// <summary>Marks a stretch of the timeline, drawn as a labelled shaded band on the HTML charts.</summary>
    /// <param name="start">Time since the measured run began at which the window opens.</param>
    /// <param name="end">Time since the measured run began at which it closes; not before <paramref name="start"/>.</param>
    /// <param name="label">Short label.</param>
    /// <param name="category">Optional grouping.</param>
    /// <param name="color">Optional CSS colour of the band.</param>
    public void AddWindow(TimeSpan start, TimeSpan end, string label, string? category = null, string? color = null)
    {
        if (start < TimeSpan.Zero)
        {
            throw new ArgumentException($"Window start must not be negative, was {start}.", nameof(start));
        }

        if (end < start)
        {
            throw new ArgumentException($"Window end ({end}) must not be before its start ({start}).", nameof(end));
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ArgumentException("Window label must not be empty.", nameof(label));
        }

        lock (_gate)
        {
            _windows.Add(new TimelineWindow(start.TotalSeconds, end.TotalSeconds, label, category, color));
        }
    }

    /// <summary>Adds a report section.</summary>
    /// <param name="section">The section.</param>
    public void AddSection(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        lock (_gate)
        {
            _sections.Add(section);
        }
    }
}
