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

    internal ScenarioResult(ScenarioStats stats, IReadOnlyList<TimelinePoint> timeline, IReadOnlyList<ThresholdResult> thresholds,
        IReadOnlyList<IntervalHistogram> intervals, IReadOnlyList<LoadSimulation> simulations, string? abortReason,
        DateTimeOffset measuredStartedAt = default)
    {
        MeasuredStartedAt = measuredStartedAt;
        Stats = stats;
        Timeline = timeline;
        Thresholds = thresholds;
        Intervals = intervals;
        Simulations = simulations.Select(s => s.ToString()).ToList();
        AbortReason = abortReason;
    }

    /// <summary>Scenario name.</summary>
    public string Name => Stats.ScenarioName;

    /// <summary>Aggregated statistics.</summary>
    public ScenarioStats Stats { get; }

    /// <summary>
    /// When the measured run began (after init and warm-up): the origin of <see cref="Timeline"/>, <see cref="Intervals"/>
    /// and markers, which all count seconds from here.
    /// </summary>
    public DateTimeOffset MeasuredStartedAt { get; }

    /// <summary>One point per second of the measured run.</summary>
    public IReadOnlyList<TimelinePoint> Timeline { get; }

    /// <summary>Verdicts of the scenario's thresholds.</summary>
    public IReadOnlyList<ThresholdResult> Thresholds { get; }

    /// <summary>The load phases, described.</summary>
    public IReadOnlyList<string> Simulations { get; }

    /// <summary>Per-interval latency histograms (microseconds), the content of the interval log.</summary>
    [JsonIgnore]
    public IReadOnlyList<IntervalHistogram> Intervals { get; }

    /// <summary>Why the scenario stopped early, or null when it ran to completion.</summary>
    public string? AbortReason { get; }

    /// <summary>True when every threshold passed and the scenario was not aborted.</summary>
    public bool Passed => AbortReason is null && Thresholds.All(t => t.Passed);

    /// <summary>Extra numbers attached after the run (e.g. retry amplification), rendered in every report.</summary>
    public IReadOnlyDictionary<string, double> CustomMetrics => _customMetrics;

    /// <summary>Annotations on the timeline, drawn on the HTML charts.</summary>
    public IReadOnlyList<TimelineMarker> Markers { get { lock (_gate) return _markers.ToList(); } }

    /// <summary>Marked stretches of the timeline (shaded bands on the HTML charts), oldest first.</summary>
    public IReadOnlyList<TimelineWindow> Windows { get { lock (_gate) return _windows.OrderBy(w => w.StartSeconds).ToList(); } }

    /// <summary>Extra tables attached after the run, rendered in every report.</summary>
    public IReadOnlyList<ReportSection> Sections { get { lock (_gate) return _sections.ToList(); } }

    /// <summary>Attaches or replaces a custom metric.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="value">Metric value.</param>
    public void SetMetric(string name, double value)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("Metric name must not be empty.", nameof(name));
        _customMetrics[name] = value;
    }

    /// <summary>Adds a timeline marker.</summary>
    /// <param name="at">Time since the measured run began.</param>
    /// <param name="label">Short label.</param>
    /// <param name="category">Optional grouping.</param>
    public void AddMarker(TimeSpan at, string label, string? category = null)
    {
        if (at < TimeSpan.Zero)
            throw new ArgumentException($"Marker time must not be negative, was {at}.", nameof(at));
        if (string.IsNullOrWhiteSpace(label))
            throw new ArgumentException("Marker label must not be empty.", nameof(label));
        lock (_gate) _markers.Add(new TimelineMarker(at.TotalSeconds, label, category));
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
            throw new ArgumentException($"Window start must not be negative, was {start}.", nameof(start));
        if (end < start)
            throw new ArgumentException($"Window end ({end}) must not be before its start ({start}).", nameof(end));
        if (string.IsNullOrWhiteSpace(label))
            throw new ArgumentException("Window label must not be empty.", nameof(label));
        lock (_gate) _windows.Add(new TimelineWindow(start.TotalSeconds, end.TotalSeconds, label, category, color));
    }

    /// <summary>Adds a report section.</summary>
    /// <param name="section">The section.</param>
    public void AddSection(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        lock (_gate) _sections.Add(section);
    }
}
