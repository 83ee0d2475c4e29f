using FaultLab.Configuration;
using Microsoft.Extensions.Configuration;

namespace FaultLab;

/// <summary>
/// A fault profile: the switches that govern injection for one client, and the faults it may inject.
/// Bound from configuration by <c>AddFaultInjection(IConfigurationSection)</c> or filled by the fluent builder.
/// </summary>
public sealed class FaultInjectionOptions
{
    /// <summary>Gets or sets a value indicating whether any fault may fire. Defaults to <see langword="true"/>.
    /// Reloaded live: turning it off lets every request through untouched without a restart.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether injection may run when the host environment is Production.
    /// Defaults to <see langword="false"/>: in Production the profile is ignored and a warning is logged.</summary>
    public bool AllowInProduction { get; set; }

    /// <summary>Gets or sets the seed that makes every decision of the profile reproducible for a given request order.
    /// <see langword="null"/> draws from a shared unseeded source.</summary>
    public int? Seed { get; set; }

    /// <summary>Gets the faults, in the order they are evaluated (see README, "Composition").</summary>
    public IList<Fault> Faults { get; } = new List<Fault>();

    /// <summary>Binds a profile from a configuration section (the JSON schema in README).</summary>
    /// <param name="section">The section holding <c>Enabled</c>, <c>Seed</c>, <c>Faults</c>, ...</param>
    /// <returns>The profile; call <see cref="Validate"/> to learn what is wrong with it.</returns>
    public static FaultInjectionOptions FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new FaultInjectionOptions();
        FaultProfileBinder.Bind(section, options);
        return options;
    }

    /// <summary>Checks every setting; each problem names its setting's path.</summary>
    /// <returns>The problems found; empty when the profile is valid.</returns>
    public IReadOnlyList<string> Validate() => FaultInjectionOptionsValidator.Collect(this);

    /// <summary>Gets the configuration path this profile was bound from, used to name settings in errors.</summary>
    internal string? SourcePath { get; set; }

    /// <summary>Gets or sets the bound section's settings as text, so a reload that changed nothing in the profile
    /// (another section did) keeps the running pipeline and its state; <see langword="null"/> when not bound.</summary>
    internal string? SourceSnapshot { get; set; }

    /// <summary>Gets errors met while binding configuration (bad values, unknown kinds); reported by validation.</summary>
    internal List<string> BindingErrors { get; } = new();
}
