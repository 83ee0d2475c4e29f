using System.Text.Json;
using System.Text.Json.Nodes;
using FaultLab.Configuration;

namespace FaultLab.Control;

/// <summary>
/// Header-controlled faults, Envoy's model, bounded and opt-in: a request may ask for one fault of an allow-list by
/// name in a header (<c>x-faultlab-fault: slow-orders</c>, optionally <c>;rate=0.1</c>). The header may only lower
/// the fault's configured rate, at most <see cref="MaxActiveFaults"/> requests are under a requested fault at once,
/// nothing happens unless <see cref="Enabled"/>, and the Production environment refuses it like every other injection.
/// </summary>
public sealed class HeaderFaultOptions
{
    /// <summary>The default header, <c>x-faultlab-fault</c>.</summary>
    public const string DefaultHeaderName = "x-faultlab-fault";

    /// <summary>Gets or sets a value indicating whether requests may ask for faults. Defaults to <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the request header that names the fault. Defaults to <see cref="DefaultHeaderName"/>.</summary>
    public string HeaderName { get; set; } = DefaultHeaderName;

    /// <summary>Gets or sets how many requests may be under a requested fault at once (from the fault's start to the
    /// response); a request past the cap passes through untouched. Defaults to 5.</summary>
    public int MaxActiveFaults { get; set; } = 5;

    /// <summary>Gets or sets the seed of the requested faults' dice, so the same requests meet the same faults; random when omitted.</summary>
    public int? Seed { get; set; }

    /// <summary>Gets or sets a value indicating whether the Production environment allows header faults. Defaults to <see langword="false"/>.</summary>
    public bool AllowInProduction { get; set; }

    /// <summary>Gets the allow-list: the only faults a header can ask for, each by its <see cref="Fault.Name"/>; each
    /// fault's <see cref="Fault.InjectionRate"/> is the highest rate a header can get.</summary>
    public IList<Fault> Faults { get; } = new List<Fault>();

    /// <summary>Reads header-fault options from JSON: <c>{ "Enabled": true, "HeaderName": "...", "MaxActiveFaults": 5,
    /// "Seed": 42, "AllowInProduction": false, "Faults": [ ...the README's fault schema... ] }</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="errors">Every problem, each naming its setting's path; empty when valid.</param>
    /// <returns>The options; only use them when <paramref name="errors"/> is empty.</returns>
    public static HeaderFaultOptions Read(string json, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        var options = new HeaderFaultOptions();
        var problems = new List<string>();
        errors = problems;
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException ex)
        {
            problems.Add(ex.Message);
            return options;
        }

        if (root is null)
        {
            problems.Add("Header faults must be a JSON object.");
            return options;
        }

        // The faults are validated as a profile while read; the header's own settings are checked once every setting
        // could be read, so a bad fault hides none of them (nor they the fault's problems).
        bool settingsRead = true;
        bool everyFaultBound = true;
        IReadOnlyList<string> faultProblems = [];
        List<string> unnamedEntries = [];
        foreach (var (name, value) in root)
        {
            try
            {
                switch (name)
                {
                    case nameof(Enabled): options.Enabled = value!.GetValue<bool>(); break;
                    case nameof(HeaderName): options.HeaderName = value!.GetValue<string>(); break;
                    case nameof(MaxActiveFaults): options.MaxActiveFaults = value!.GetValue<int>(); break;
                    case nameof(Seed): options.Seed = value!.GetValue<int>(); break;
                    case nameof(AllowInProduction): options.AllowInProduction = value!.GetValue<bool>(); break;
                    case nameof(Faults):
                        var faults = FaultJson.ReadProfile(new JsonObject { [nameof(Faults)] = value?.DeepClone() }.ToJsonString(), out faultProblems);
                        foreach (Fault fault in faults.Faults)
                        {
                            options.Faults.Add(fault);
                        }

                        // An entry that failed to bind is missing from the list: the others' indexes no longer name them.
                        everyFaultBound = value is JsonArray array ? array.Count == faults.Faults.Count : faults.Faults.Count == 0;
                        if (!everyFaultBound && value is JsonArray entries)
                        {
                            unnamedEntries = UnnamedEntries(entries);
                        }

                        break;
                    default:
                        problems.Add($"{name}: is not a header-fault setting.");
                        settingsRead = false;
                        break;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or NullReferenceException)
            {
                problems.Add($"{name}: has the wrong type ({ex.Message}).");
                settingsRead = false;
            }
        }

        if (settingsRead)
        {
            problems.AddRange(options.ValidateSettings(checkNames: everyFaultBound));
            problems.AddRange(unnamedEntries); // past an entry that failed to bind, names are checked in the JSON, by its own index
        }

        problems.AddRange(faultProblems);
        return options;
    }

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems, each naming its setting by its configuration key (<c>Faults:1:Name</c>), whether the
    /// options were read from JSON or built in code; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = ValidateSettings(checkNames: true);
        var profile = new FaultInjectionOptions();
        foreach (Fault fault in Faults)
        {
            profile.Faults.Add(fault);
        }

        // The profile's own validation names a name used twice (once, naming the fault that has it first): a header
        // could not tell the two apart either.
        errors.AddRange(profile.Validate());
        return errors;
    }

    /// <summary>The entries of a <c>Faults</c> array with no name, read from the JSON itself, so each is named by its own
    /// index even when an entry before it failed to bind.</summary>
    private static List<string> UnnamedEntries(JsonArray entries)
    {
        SettingPath faults = SettingPath.Root.Child(nameof(Faults));
        var unnamed = new List<string>();
        for (int i = 0; i < entries.Count; i++)
        {
            JsonNode? name = entries[i] is JsonObject entry
                ? entry.FirstOrDefault(p => string.Equals(p.Key, nameof(Fault.Name), StringComparison.OrdinalIgnoreCase)).Value
                : null;
            if (name is not JsonValue value || !value.TryGetValue(out string? text) || string.IsNullOrEmpty(text))
            {
                unnamed.Add(MissingName(faults, i));
            }
        }

        return unnamed;
    }

    private static string MissingName(SettingPath faults, int index) =>
        $"{faults.Index(index)[nameof(Fault.Name)]}: is required: a header asks for a fault by name.";

    /// <summary>Checks the header's own settings, and that every fault has the name a header asks for.</summary>
    private List<string> ValidateSettings(bool checkNames)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(HeaderName))
        {
            errors.Add($"{nameof(HeaderName)}: is required.");
        }

        if (MaxActiveFaults < 1)
        {
            errors.Add($"{nameof(MaxActiveFaults)}: must be at least 1 (was {MaxActiveFaults}).");
        }

        SettingPath faults = SettingPath.Root.Child(nameof(Faults));
        for (int i = 0; checkNames && i < Faults.Count; i++)
        {
            if (string.IsNullOrEmpty(Faults[i].Name))
            {
                errors.Add(MissingName(faults, i));
            }
        }

        return errors;
    }
}
