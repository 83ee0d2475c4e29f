namespace FaultLab.Load;

/// <summary>How many iterations reported one status code, split by outcome.</summary>
/// <param name="StatusCode">The code, or null for responses without one.</param>
/// <param name="Count">All iterations with this code.</param>
/// <param name="Ok">Successful ones.</param>
/// <param name="Fail">Failed ones.</param>
public sealed record StatusCodeStats(int? StatusCode, long Count, long Ok, long Fail)
{
    /// <summary>Gets or sets the textual status for codes that are not HTTP numbers ("not found header", "-101"); null otherwise.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the display label: the code, the textual status, or "none".</summary>
    public string Label => Text ?? StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
