using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FaultLab.Configuration;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Control;

/// <summary>Fault profiles and single faults as JSON in the README's profile schema: read through the core's own
/// binder and validation (so a control request is checked exactly like a profile file, each error naming its
/// setting's path), and written back in the same schema.</summary>
public static class FaultJson
{
    /// <summary>Where a single fault sits in the profile it is read through; its messages are named relative to it.</summary>
    private static readonly SettingPath SingleFault = SettingPath.Root.Child(nameof(FaultInjectionOptions.Faults)).Index(0);

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropCodeOnlySettings } },
    };

    /// <summary>Reads a profile (at the document's root or under <c>FaultLab</c>) and validates it.</summary>
    /// <param name="json">The profile's JSON text.</param>
    /// <param name="errors">Every problem, each naming its setting's path; empty when the profile is valid.</param>
    /// <returns>The profile; only use it when <paramref name="errors"/> is empty.</returns>
    public static FaultInjectionOptions ReadProfile(string json, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        var profile = new FaultInjectionOptions();
        if (Configuration(json, out string? syntaxError) is not { } root)
        {
            errors = [syntaxError!];
            return profile;
        }

        IConfiguration section = root.GetSection("FaultLab") is { } named && named.Exists() ? named : root;
        profile = FaultInjectionOptions.FromConfiguration(section);
        errors = profile.Validate();
        return profile;
    }

    /// <summary>Reads one fault (one element of a profile's <c>Faults</c>) and validates it.</summary>
    /// <param name="json">The fault's JSON object, for example <c>{ "Kind": "Status", "StatusCode": 503 }</c>.</param>
    /// <param name="errors">Every problem, each naming its setting (for example <c>StatusCode: ...</c>); empty when valid.</param>
    /// <returns>The fault, or <see langword="null"/> when it could not be read.</returns>
    public static Fault? ReadFault(string json, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            if (JsonNode.Parse(json) is not JsonObject fault)
            {
                errors = ["A fault must be a JSON object."];
                return null;
            }

            var profile = ReadProfile(new JsonObject { ["Faults"] = new JsonArray(fault) }.ToJsonString(), out var profileErrors);
            errors = profileErrors.Select(SingleFault.Relative).ToList();
            return errors.Count == 0 ? profile.Faults.Single() : null;
        }
        catch (JsonException ex)
        {
            errors = [ex.Message];
            return null;
        }
    }

    /// <summary>Writes a fault in the profile schema; <see cref="ReadFault"/> reads it back to an equal fault.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>Its JSON object.</returns>
    /// <exception cref="ArgumentException">The fault has a code-only setting (a target <c>Predicate</c>) JSON cannot carry.</exception>
    public static JsonObject Write(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Target?.Predicate is not null)
        {
            throw new ArgumentException($"Fault '{fault.Name ?? fault.Kind}' has a code-only Target.Predicate, which JSON cannot carry.", nameof(fault));
        }

        return (JsonObject)JsonSerializer.SerializeToNode(fault, fault.GetType(), WriteOptions)!;
    }

    /// <summary>Writes a profile in the schema <see cref="ReadProfile"/> reads.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The profile's JSON text.</returns>
    /// <exception cref="ArgumentException">A fault has a code-only setting JSON cannot carry.</exception>
    public static string Write(FaultInjectionOptions profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var faults = new JsonArray();
        foreach (Fault fault in profile.Faults)
        {
            faults.Add(Write(fault));
        }

        var json = new JsonObject
        {
            [nameof(FaultInjectionOptions.Enabled)] = profile.Enabled,
            [nameof(FaultInjectionOptions.AllowInProduction)] = profile.AllowInProduction,
            [nameof(FaultInjectionOptions.Faults)] = faults,
        };
        if (profile.Seed is { } seed)
        {
            json[nameof(FaultInjectionOptions.Seed)] = seed;
        }

        return json.ToJsonString();
    }

    private static IConfigurationRoot? Configuration(string json, out string? syntaxError)
    {
        syntaxError = null;
        try
        {
            return new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidDataException)
        {
            syntaxError = "The body is not a JSON object: " + (ex.InnerException ?? ex).Message;
            return null;
        }
    }

    /// <summary>A target's <c>Predicate</c> is code (checked above); everything else public is a setting of the same name.</summary>
    private static void DropCodeOnlySettings(JsonTypeInfo type)
    {
        for (int i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (typeof(Delegate).IsAssignableFrom(type.Properties[i].PropertyType))
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
