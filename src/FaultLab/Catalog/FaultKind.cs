using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace FaultLab;

/// <summary>One kind of fault in the <see cref="FaultCatalog"/>: its JSON <c>Kind</c> name, the options type that
/// holds its settings (bound from JSON, or set in code), what the caller sees, and a small valid example.</summary>
public sealed class FaultKind
{
    internal FaultKind(string name, Type optionsType, string description, string example)
    {
        Name = name;
        OptionsType = optionsType;
        Description = description;
        Example = example;
    }

    /// <summary>Gets the kind's name as written in JSON (<c>"Kind": "Latency"</c>) and reported in telemetry.</summary>
    public string Name { get; }

    /// <summary>Gets the <see cref="Fault"/> type whose properties are the kind's settings.</summary>
    public Type OptionsType { get; }

    /// <summary>Gets what the caller of <c>HttpClient</c> sees when the fault fires, in one sentence.</summary>
    public string Description { get; }

    /// <summary>Gets the settings of a small valid instance, as a JSON object without <c>Kind</c> (for example
    /// <c>{ "Delay": "00:00:00.200" }</c>).</summary>
    public string Example { get; }

    /// <summary>Creates an instance with the kind's defaults (which may need settings before it validates).</summary>
    /// <returns>A new fault.</returns>
    public Fault Create() => (Fault)Activator.CreateInstance(OptionsType)!;

    /// <summary>Creates a valid instance from <see cref="Example"/>, bound exactly as a JSON profile is.</summary>
    /// <returns>A new fault that fires on every request it targets.</returns>
    public Fault CreateExample()
    {
        var fault = JsonNode.Parse(Example)!.AsObject();
        fault["Kind"] = Name;
        string profile = new JsonObject { ["Faults"] = new JsonArray(fault) }.ToJsonString();
        var section = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(profile))).Build();
        var options = FaultInjectionOptions.FromConfiguration(section);
        return options.Validate() is { Count: > 0 } errors
            ? throw new InvalidOperationException($"The catalogue example of {Name} does not validate: {string.Join(" ", errors)}")
            : options.Faults[0];
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
