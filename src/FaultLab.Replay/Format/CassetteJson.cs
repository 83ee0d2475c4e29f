using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FaultLab.Replay.Format;

/// <summary>The JSON settings of the cassette file, chosen for small, stable diffs.</summary>
internal static class CassetteJson
{
    /// <summary>
    /// Indented with "\n" whatever the platform, camelCase, nulls left out, and no escaping of characters that are
    /// safe in a file (<c>+</c>, <c>&lt;</c>, non-ASCII), so the cassette reads like the traffic did.
    /// </summary>
    public static JsonSerializerOptions File { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        TypeInfoResolver = CassetteJsonContext.Default,
    };

    /// <summary>The cassette type with <see cref="File"/>'s settings, for trim- and AOT-safe (de)serialisation.</summary>
    public static JsonTypeInfo<CassetteDocument> Document => (JsonTypeInfo<CassetteDocument>)File.GetTypeInfo(typeof(CassetteDocument));

    /// <summary>Compact, for bodies sent on replay and for comparisons.</summary>
    public static JsonSerializerOptions Compact { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = CassetteJsonContext.Default,
    };
}

/// <summary>Source-generated metadata, so cassettes work in trimmed and native AOT test hosts.</summary>
[JsonSerializable(typeof(CassetteDocument))]
internal sealed partial class CassetteJsonContext : JsonSerializerContext;
