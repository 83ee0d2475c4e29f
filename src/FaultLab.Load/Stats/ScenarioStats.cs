using System.Text.Json.Serialization;
using HdrHistogram;

namespace FaultLab.Load;

/// <summary>Aggregated statistics of one scenario's measured run (warm-up excluded).</summary>
public sealed record ScenarioStats
{
    /// <summary>Gets or sets the scenario name.</summary>
    public required string ScenarioName { get; init; }
    /// <summary>Gets or sets the measured duration in seconds (load phases only, not the final drain).</summary>
    public double DurationSeconds { get; init; }
    /// <summary>Gets or sets the number of completed iterations.</summary>
    public long Count { get; init; }
    /// <summary>Gets or sets the number of successful iterations.</summary>
    public long Ok { get; init; }
    /// <summary>Gets or sets the number of failed iterations.</summary>
    public long Fail { get; init; }
    /// <summary>Gets or sets the number of open-model arrivals that found the concurrency cap reached and were never run (k6 dropped_iterations).</summary>
    public long Dropped { get; init; }
    /// <summary>Gets or sets the bytes reported by responses.</summary>
    public long Bytes { get; init; }
    /// <summary>Gets Ok / Count, or 1 when nothing completed.</summary>
    public double SuccessRate => Count == 0 ? 1 : (double)Ok / Count;
    /// <summary>Gets the completions per second over the measured duration.</summary>
    public double Rps => DurationSeconds <= 0 ? 0 : Count / DurationSeconds;
    /// <summary>Gets the successful completions per second.</summary>
    public double OkRps => DurationSeconds <= 0 ? 0 : Ok / DurationSeconds;

    /// <summary>
    /// Gets or sets the latency thresholds use. Open-model iterations are timed from their intended start, so they need no
    /// correction; closed-model iterations are corrected for coordinated omission the way wrk does (back-filled
    /// at each copy's mean interval). Equals <see cref="LatencyMeasured"/> when the run had no closed phases.
    /// </summary>
    public LatencyStats Latency { get; init; } = LatencyStats.Empty;

    /// <summary>Gets or sets the latency exactly as measured, without coordinated-omission correction of closed-model iterations.</summary>
    public LatencyStats LatencyMeasured { get; init; } = LatencyStats.Empty;

    /// <summary>Gets or sets a value indicating whether closed-model samples were corrected; reports then show both distributions.</summary>
    public bool CorrectionApplied { get; init; }

    /// <summary>Gets or sets the expected interval (ms) used for the closed-model correction: mean time per iteration per copy.</summary>
    public double CorrectionIntervalMs { get; init; }

    /// <summary>Gets or sets how late open-model iterations actually started versus their schedule (generator health).</summary>
    public LatencyStats ScheduleLag { get; init; } = LatencyStats.Empty;

    /// <summary>Gets or sets the breakdown by status code, most frequent first.</summary>
    public IReadOnlyList<StatusCodeStats> StatusCodes { get; init; } = [];

    /// <summary>Gets or sets the breakdown by response tag, most frequent first.</summary>
    public IReadOnlyList<TagStats> Tags { get; init; } = [];

    /// <summary>Gets or sets the successful iterations with their own latency, size and status distributions.</summary>
    public OutcomeStats OkStats { get; init; } = OutcomeStats.Empty;

    /// <summary>Gets or sets the failed iterations with their own latency, size and status distributions.</summary>
    public OutcomeStats FailStats { get; init; } = OutcomeStats.Empty;

    /// <summary>Gets or sets the per-step statistics of steps run with <see cref="ScenarioContext.RunStepAsync"/>, in the order first run.</summary>
    public IReadOnlyList<StepStats> Steps { get; init; } = [];

    /// <summary>Gets or sets the corrected latency histogram (microseconds) behind <see cref="Latency"/>.</summary>
    [JsonIgnore]
    public HistogramBase? Histogram { get; init; }

    /// <summary>Gets or sets the measured latency histogram (microseconds) behind <see cref="LatencyMeasured"/>.</summary>
    [JsonIgnore]
    public HistogramBase? MeasuredHistogram { get; init; }

    /// <summary>Gets the schedule-lag histogram (microseconds) behind <see cref="ScheduleLag"/>.</summary>
    [JsonIgnore]
    public HistogramBase? ScheduleLagHistogram { get; init; }

    /// <summary>Looks up a tag's breakdown.</summary>
    /// <param name="tag">The tag.</param>
    public TagStats? FindTag(string tag) => Tags.FirstOrDefault(t => t.Tag == tag);

    /// <summary>Looks up a step's statistics.</summary>
    /// <param name="name">The step name.</param>
    public StepStats? FindStep(string name) => Steps.FirstOrDefault(s => s.Name == name);
}
