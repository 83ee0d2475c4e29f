namespace FaultLab.Replay.Derivation;

/// <summary>How <see cref="ProfileDerivation"/> writes the profile.</summary>
public sealed class DeriveOptions
{
    /// <summary>Gets or sets the profile's <c>Seed</c>, so runs of the derived profile replay the same faults. Defaults to 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Gets or sets the scenario to derive from when the source is a FaultLab.Load result with several; a result with
    /// one needs none. Defaults to <see langword="null"/>.
    /// </summary>
    public string? Scenario { get; set; }
}
