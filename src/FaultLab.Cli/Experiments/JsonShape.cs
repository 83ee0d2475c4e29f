using System.Text.Json;

namespace FaultLab.Cli.Experiments;

/// <summary>
/// Checks the JSON kind of the settings whose kind the configuration binder cannot see: configuration flattens JSON
/// into strings, so <c>"Load": 5</c> or <c>"Faults": "Latency"</c> would otherwise bind as nothing, silently.
/// </summary>
internal static class JsonShape
{
    /// <summary>Returns the JSON path of the first key repeated within one object (case-insensitively), or null.</summary>
    public static string? FirstDuplicateKey(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                string child = $"{path}.{property.Name}";
                if (!seen.Add(property.Name))
                {
                    return child;
                }

                if (FirstDuplicateKey(property.Value, child) is { } inner)
                {
                    return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (FirstDuplicateKey(item, $"{path}[{index++}]") is { } inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }

    /// <summary>Adds an error when <paramref name="name"/> is present in <paramref name="parent"/> with another JSON kind.</summary>
    /// <returns>The member when it is present and of the expected kind.</returns>
    public static JsonElement? Expect(JsonElement parent, string parentPath, string name, JsonValueKind expected, List<string> errors)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in parent.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            JsonValueKind actual = property.Value.ValueKind;
            if (actual == expected || (expected == JsonValueKind.String && actual == JsonValueKind.Null))
            {
                return property.Value;
            }

            errors.Add($"{parentPath}.{property.Name}: must be {Describe(expected)} (was {JsonFile.Describe(actual)}).");
            return null;
        }

        return null;
    }

    /// <summary>Checks a profile's own shape: an object whose <c>Faults</c> is an array of objects, each with a string <c>Kind</c>.</summary>
    public static void ExpectProfile(JsonElement profile, string path, List<string> errors)
    {
        if (Expect(profile, path, "Faults", JsonValueKind.Array, errors) is not { } faults)
        {
            return;
        }

        int index = 0;
        foreach (var fault in faults.EnumerateArray())
        {
            string faultPath = $"{path}.Faults[{index++}]";
            if (fault.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{faultPath}: must be an object {{ \"Kind\": ... }} (was {JsonFile.Describe(fault.ValueKind)}).");
                continue;
            }

            Expect(fault, faultPath, "Kind", JsonValueKind.String, errors);
            Expect(fault, faultPath, "Target", JsonValueKind.Object, errors);
            Expect(fault, faultPath, "Schedule", JsonValueKind.Object, errors);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object { ... }",
        JsonValueKind.Array => "an array [ ... ]",
        JsonValueKind.String => "a string",
        _ => JsonFile.Describe(kind),
    };
}
