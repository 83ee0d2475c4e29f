namespace FaultLab.Load;

/// <summary>
/// What a built-in threshold checks, as data: written into the JSON report so a merge of several agents' results
/// can rebuild the rule (<see cref="Threshold.FromDefinition"/>) and judge the merged numbers.
/// </summary>
/// <param name="Kind">One of <c>SuccessRate</c>, <c>Percentile</c>, <c>Rps</c>, <c>Dropped</c> or <c>Custom</c> (code only, cannot be rebuilt).</param>
/// <param name="Limit">The bound: a rate 0–1, milliseconds, requests per second or a dropped count.</param>
/// <param name="Percentile">For <c>Percentile</c>, which one (for example 99); otherwise 0.</param>
/// <param name="Tag">The tag the rule is scoped to, or null.</param>
/// <param name="AbortOnFail">Whether the rule stops the scenario early.</param>
public sealed record ThresholdDefinition(string Kind, double Limit, double Percentile, string? Tag, bool AbortOnFail)
{
    /// <summary>The kind of a rule written in code, which only that code can evaluate.</summary>
    public const string CustomKind = "Custom";
}
