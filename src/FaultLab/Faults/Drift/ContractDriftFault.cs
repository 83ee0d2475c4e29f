using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// The real JSON body as a dependency sends it after a breaking change: a field removed, renamed or nulled, a number
/// turned into a string (or back), an enum value the client has never seen, unexpected extra fields, or an array
/// shortened to empty — at a JSON path, in the content stream like the other body faults (so never retried).
/// A body that is not JSON, or has nothing at the path, passes unchanged.
/// </summary>
[FaultKind("The real JSON body after a breaking API change at a JSON path: a field removed, renamed or nulled, number↔string, an unseen enum value, extra fields, an array emptied.",
    Example = """{ "Change": "RemoveField", "Path": "$.id" }""")]
public sealed class ContractDriftFault : BodyFault
{
    /// <summary>Gets or sets what changes. Defaults to <see cref="ContractChange.RemoveField"/>.</summary>
    public ContractChange Change { get; set; } = ContractChange.RemoveField;

    /// <summary>Gets or sets where: a JSON path such as <c>$.total</c>, <c>$.items[*].price</c> or <c>$.lines[0]</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>Gets or sets the new name for <see cref="ContractChange.RenameField"/>. Defaults to the old name plus <c>_v2</c>.</summary>
    public string? NewName { get; set; }

    /// <summary>Gets or sets the value for <see cref="ContractChange.UnknownEnumValue"/>. Defaults to <c>UNRECOGNIZED_VALUE</c>.</summary>
    public string? EnumValue { get; set; }

    /// <summary>Gets or sets how many fields <see cref="ContractChange.ExtraFields"/> adds to each object at the path. Defaults to 3.</summary>
    public int ExtraFieldCount { get; set; } = 3;

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (JsonPathTarget.TryParse(Path, out string? error) is not { } target)
        {
            errors.Add($"{path[nameof(Path)]}: {error} (was '{Path}').");
        }
        else if (target.IsRoot && Change is ContractChange.RemoveField or ContractChange.RenameField)
        {
            errors.Add($"{path[nameof(Path)]}: {Change} needs a member, not the root $.");
        }

        if (NewName is { Length: 0 })
        {
            errors.Add($"{path[nameof(NewName)]}: must not be empty.");
        }

        if (ExtraFieldCount is < 1 or > 1000)
        {
            errors.Add($"{path[nameof(ExtraFieldCount)]}: must be from 1 to 1000 (was {ExtraFieldCount}).");
        }
    }

    internal override HttpContent Wrap(HttpContent original, RealizationContext context) =>
        new FaultyContent(original, (stream, _) => new RewrittenBodyStream(stream, Rewrite), keepContentLength: false);

    /// <summary>The body after the change; the same bytes when it is not JSON or nothing is at the path.</summary>
    internal byte[] Rewrite(byte[] body)
    {
        if (!DriftJson.TryParse(body, out var root))
        {
            return body;
        }

        var target = JsonPathTarget.TryParse(Path, out _)!;
        var places = target.Find(root);
        if (!target.IsRoot && places.Count == 0)
        {
            return body;
        }

        if (target.IsRoot)
        {
            root = Apply(root);
        }

        // Backwards, so removing members or elements never shifts a place still to be visited.
        foreach (var place in places.Reverse())
        {
            Apply(place);
        }

        return DriftJson.Serialize(root);
    }

    private void Apply(JsonPathTarget.Place place)
    {
        switch (Change)
        {
            case ContractChange.RemoveField when place.Name is not null:
                place.Parent.AsObject().Remove(place.Name);
                break;
            case ContractChange.RemoveField when place.Index is { } index:
                place.Parent.AsArray().RemoveAt(index);
                break;
            case ContractChange.RenameField when place.Name is not null:
                var parent = place.Parent.AsObject();
                var value = parent[place.Name];
                parent.Remove(place.Name);
                parent[NewName ?? place.Name + "_v2"] = value;
                break;
            default:
                place.Set(Apply(place.Value));
                break;
        }
    }

    /// <summary>The changes that replace a value in place.</summary>
    private JsonNode? Apply(JsonNode? value)
    {
        switch (Change)
        {
            case ContractChange.NullField:
                return null;
            case ContractChange.UnknownEnumValue:
                return JsonValue.Create(EnumValue ?? "UNRECOGNIZED_VALUE");
            case ContractChange.ChangeType:
                return ChangeType(value);
            case ContractChange.EmptyArray when value is JsonArray array:
                array.Clear();
                return array;
            case ContractChange.ExtraFields when value is JsonObject obj:
                AddFields(obj);
                return obj;
            case ContractChange.ExtraFields when value is JsonArray items:
                foreach (var item in items.OfType<JsonObject>())
                {
                    AddFields(item);
                }

                return items;
            default:
                return value?.DeepClone();
        }
    }

    /// <summary>A number becomes its text, a numeric string becomes the number, a boolean its text: what a new API version's serializer does.</summary>
    private static JsonNode? ChangeType(JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return value?.DeepClone();
        }

        return scalar.GetValueKind() switch
        {
            JsonValueKind.Number => JsonValue.Create(scalar.ToJsonString()),
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create(scalar.ToJsonString()),
            JsonValueKind.String when decimal.TryParse(scalar.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal number) =>
                JsonValue.Create(number),
            _ => JsonValue.Create(42),
        };
    }

    private void AddFields(JsonObject obj)
    {
        for (int i = 1; i <= ExtraFieldCount; i++)
        {
            obj[$"addedInV2_{i}"] = i % 2 == 0 ? new JsonObject { ["nested"] = true } : JsonValue.Create($"value {i}");
        }
    }
}

/// <summary>What a <see cref="ContractDriftFault"/> changes at its path.</summary>
public enum ContractChange
{
    /// <summary>The member (or array element) is gone.</summary>
    RemoveField,

    /// <summary>The member has a new name (<see cref="ContractDriftFault.NewName"/>).</summary>
    RenameField,

    /// <summary>The value is <c>null</c>.</summary>
    NullField,

    /// <summary>A number becomes a string, a numeric string a number, a boolean a string.</summary>
    ChangeType,

    /// <summary>A string enum value the client has never seen (<see cref="ContractDriftFault.EnumValue"/>).</summary>
    UnknownEnumValue,

    /// <summary>Objects at the path gain members the client does not know (<see cref="ContractDriftFault.ExtraFieldCount"/>).</summary>
    ExtraFields,

    /// <summary>The array at the path is empty.</summary>
    EmptyArray,
}
