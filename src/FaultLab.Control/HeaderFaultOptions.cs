using System.Text.Json;
using System.Text.Json.Nodes;

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
                        var faults = FaultJson.ReadProfile(new JsonObject { [nameof(Faults)] = value?.DeepClone() }.ToJsonString(), out var faultErrors);
                        problems.AddRange(faultErrors);
                        foreach (Fault fault in faults.Faults)
                        {
                            options.Faults.Add(fault);
                        }

                        break;
                    default: problems.Add($"{name}: is not a header-fault setting."); break;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or NullReferenceException)
            {
                problems.Add($"{name}: has the wrong type ({ex.Message}).");
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(options.Validate());
        }

        return options;
    }

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems, each naming its setting's path; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
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

        var profile = new FaultInjectionOptions();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Faults.Count; i++)
        {
            profile.Faults.Add(Faults[i]);
            if (string.IsNullOrEmpty(Faults[i].Name))
            {
                errors.Add($"Faults:{i}:Name: is required: a header asks for a fault by name.");
            }
            else if (!names.Add(Faults[i].Name!))
            {
                errors.Add($"Faults:{i}:Name: '{Faults[i].Name}' is already used by another fault.");
            }
        }

        errors.AddRange(profile.Validate().Where(e => !errors.Contains(e)));
        return errors;
    }
}
