using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FaultLab;

/// <summary>Source-generated JSON metadata for rewritten bodies (trim- and AOT-safe), written compact as APIs send them.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class DriftJson : JsonSerializerContext
{
    /// <summary>Gets the context with relaxed escaping, so rewritten text keeps its characters.</summary>
    public static DriftJson Context { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
