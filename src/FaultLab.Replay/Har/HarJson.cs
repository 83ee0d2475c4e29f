using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FaultLab.Replay.Har;

/// <summary>The JSON settings of HAR files: camelCase as the spec writes it, tolerant of what other tools add.</summary>
internal static class HarJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        TypeInfoResolver = HarJsonContext.Default,
    };

    /// <summary>The document type with <see cref="Options"/>, trim- and AOT-safe.</summary>
    public static JsonTypeInfo<HarDocument> Document => (JsonTypeInfo<HarDocument>)Options.GetTypeInfo(typeof(HarDocument));
}

/// <summary>Source-generated metadata for the HAR model.</summary>
[JsonSerializable(typeof(HarDocument))]
internal sealed partial class HarJsonContext : JsonSerializerContext;
