namespace FaultLab.Load;

/// <summary>An annotation on a scenario's timeline (for example a circuit-breaker transition), drawn on the charts.</summary>
/// <param name="AtSeconds">Seconds since the measured run began.</param>
/// <param name="Label">Short text shown on the chart.</param>
/// <param name="Category">Optional grouping (for example "circuit-breaker").</param>
public sealed record TimelineMarker(double AtSeconds, string Label, string? Category = null);
