using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FaultLab;

/// <summary>Source-generated JSON metadata for rewritten bodies (trim- and AOT-safe), written compact as APIs send them.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class DriftJson : JsonSerializerContext
{
    /// <summary>Parses a body; <see langword="false"/> when it is not JSON (such a body passes unchanged).</summary>
    public static bool TryParse(byte[] body, out System.Text.Json.Nodes.JsonNode? root)
    {
        try
        {
            root = System.Text.Json.Nodes.JsonNode.Parse(body);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            root = null;
            return false;
        }
    }

    /// <summary>The document as compact UTF-8, as an API sends it.</summary>
    public static byte[] Serialize(System.Text.Json.Nodes.JsonNode? root) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(root, Context.JsonNode);

    /// <summary>Gets the context with relaxed escaping, so rewritten text keeps its characters.</summary>
    public static DriftJson Context { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
