namespace FaultLab.Load;

/// <summary>The verdict of one threshold rule on one scenario.</summary>
public sealed record ThresholdResult
{
    /// <summary>Gets or sets the scenario the rule was evaluated on.</summary>
    public required string ScenarioName { get; init; }
    /// <summary>Gets or sets the rule, e.g. "p99 &lt;= 250 ms".</summary>
    public required string Rule { get; init; }
    /// <summary>Gets or sets the tag the rule is scoped to, or null for the whole scenario.</summary>
    public string? Tag { get; init; }
    /// <summary>Gets or sets a value indicating whether the rule held.</summary>
    public bool Passed { get; init; }
    /// <summary>Gets or sets the measured value, formatted with its unit.</summary>
    public required string Actual { get; init; }
    /// <summary>Gets or sets the limit, formatted with its comparison and unit.</summary>
    public required string Expected { get; init; }
    /// <summary>Gets or sets how far the actual value is from the limit (positive margin when passing, shortfall when failing).</summary>
    public required string Margin { get; init; }
    /// <summary>Gets the rule as data, so a merge can rebuild it; null in results written before it existed.</summary>
    public ThresholdDefinition? Definition { get; init; }
    /// <summary>True when the rule failed only because there was nothing to judge yet (abort checks skip it).</summary>
    internal bool NoData { get; init; }
}
