using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Configuration;

/// <summary>
/// Names a setting in error messages by its configuration key (<c>FaultLab:Faults:1:InjectionRate</c>), however the
/// settings were built: bound from JSON or <see cref="IConfiguration"/>, or set in code. One form, because one list
/// can hold both: binding errors (an unknown key, a value that does not convert) exist only as keys, the configuration
/// binder names them the same way, and the key is what a user edits (in JSON, or as
/// <c>FaultLab__Faults__1__InjectionRate</c>). Hosts that read files show it as a JSON path
/// (<see cref="FaultProfileFile.WithJsonPath"/>). The one place a path is built: FaultLab.Control and FaultLab.Proxy
/// compile this file too (shared source, since packages share no internals).
/// </summary>
/// <param name="Key">The setting's key; empty for the root of the settings.</param>
internal readonly record struct SettingPath(string Key)
{
    /// <summary>Gets the root: its children are named by their member alone (<c>HeaderName</c>).</summary>
    public static SettingPath Root => new(string.Empty);

    /// <summary>Gets the key of <paramref name="member"/> under this path.</summary>
    public string this[string member] => Child(member).Key;

    /// <summary>Gets the path of <paramref name="member"/> under this one.</summary>
    public SettingPath Child(string member) => new(Key.Length == 0 ? member : Key + ConfigurationPath.KeyDelimiter + member);

    /// <summary>Gets the path of a list's entry, as configuration numbers it (<c>Faults:0</c>).</summary>
    public SettingPath Index(int index) => Child(index.ToString(CultureInfo.InvariantCulture));

    /// <summary>Nests a message that names its setting relative to this path (<c>Faults:0:Name: ...</c> under
    /// <c>HeaderFaults</c> is <c>HeaderFaults:Faults:0:Name: ...</c>).</summary>
    public string Qualify(string message) => Key.Length == 0 ? message : Key + ConfigurationPath.KeyDelimiter + message;

    /// <summary>The reverse of <see cref="Qualify"/>: a message under this path, named relative to it; any other
    /// message unchanged.</summary>
    public string Relative(string message)
    {
        string prefix = Key + ConfigurationPath.KeyDelimiter;
        return Key.Length > 0 && message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    /// <inheritdoc/>
    public override string ToString() => Key;
}
