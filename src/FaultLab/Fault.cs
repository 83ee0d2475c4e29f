using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// What every fault shares: when it fires (rate, targeting, schedule). Each fault kind derives from this class
/// and adds what the caller then sees. Defaults: fires on every targeted request (<see cref="InjectionRate"/> 1).
/// </summary>
public abstract class Fault
{
    /// <summary>Only FaultLab defines fault kinds: each needs an internal realization, so other assemblies cannot derive.</summary>
    private protected Fault()
    {
    }

    /// <summary>Gets the fault kind's name as written in configuration (for example <c>Status</c>): the type's name
    /// without its <c>Fault</c> suffix, the one place a kind is named (see <see cref="FaultCatalog"/>).</summary>
    public string Kind => FaultCatalog.NameOf(GetType());

    /// <summary>Gets or sets an optional name, reported in telemetry; defaults to the kind.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the probability, from 0 to 1 inclusive, that a targeted request gets this fault.</summary>
    public double InjectionRate { get; set; } = 1.0;

    /// <summary>Gets or sets a value indicating whether this fault may fire. Defaults to <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets which requests the fault applies to; <see langword="null"/> targets every request.</summary>
    public FaultTarget? Target { get; set; }

    /// <summary>Gets or sets when the fault is active; <see langword="null"/> means always.</summary>
    public FaultSchedule? Schedule { get; set; }

    internal string DisplayName => Name ?? Kind;

    /// <summary>Gets or sets the configuration path this fault was bound from, so errors name it as written.</summary>
    internal string? SourcePath { get; set; }

    /// <summary>Checks this fault's own settings; <paramref name="path"/> names each offending setting.</summary>
    internal virtual void Validate(SettingPath path, List<string> errors)
    {
        if (double.IsNaN(InjectionRate) || InjectionRate < 0 || InjectionRate > 1)
        {
            errors.Add($"{path[nameof(InjectionRate)]}: must be between 0 and 1 inclusive (was {InjectionRate}).");
        }

        Target?.Validate(path.Child(nameof(Target)), errors);
        Schedule?.Validate(path.Child(nameof(Schedule)), errors);
    }

    /// <summary>Builds what this fault does to an attempt once selected, for one compiled profile (see
    /// <see cref="FaultRealization"/>): every host realizes the fault through it.</summary>
    internal abstract FaultRealization Realize(RealizationContext context);
}
