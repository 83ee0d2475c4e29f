namespace FaultLab.DependencyInjection;

/// <summary>Which clients have a profile: named ones, and possibly all clients (<c>ConfigureHttpClientDefaults</c>).</summary>
internal sealed class FaultInjectionClients
{
    /// <summary>The options name under which the profile for every client is registered.</summary>
    public const string AllClientsOptionsName = "FaultLab.AllClients";

    public HashSet<string> Named { get; } = new(StringComparer.Ordinal);

    public bool AllClients { get; set; }

    /// <summary>The options name holding the profile for <paramref name="clientName"/>: its own, else the all-clients one.</summary>
    public string? OptionsNameFor(string clientName) =>
        Named.Contains(clientName) ? clientName : AllClients ? AllClientsOptionsName : null;
}
