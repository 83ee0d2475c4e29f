using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaultLab.Replay.Format;

/// <summary>Turns body bytes into a <see cref="BodyRecord"/> and back.</summary>
internal static class BodyCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes <paramref name="bytes"/>; an empty body is <see langword="null"/>.</summary>
    public static BodyRecord? Encode(byte[] bytes, string? mediaType)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        if (!TryDecodeUtf8(bytes, out string text) || LooksBinary(mediaType))
        {
            return new BodyRecord { Encoding = BodyRecord.Base64Encoding, Base64 = Convert.ToBase64String(bytes) };
        }

        if (LooksJson(mediaType, text) && TryParseJson(text) is { } json)
        {
            return new BodyRecord { Encoding = BodyRecord.JsonEncoding, Json = json };
        }

        return new BodyRecord { Encoding = BodyRecord.TextEncoding, Text = text };
    }

    /// <summary>
    /// The bytes to send on replay. JSON is sent compact: equal as JSON to what was recorded, though whitespace
    /// the dependency sent is not kept.
    /// </summary>
    public static byte[] Decode(BodyRecord? body) => body switch
    {
        null => [],
        { Encoding: BodyRecord.Base64Encoding } => Convert.FromBase64String(body.Base64 ?? ""),
        { Encoding: BodyRecord.JsonEncoding } => Encoding.UTF8.GetBytes(JsonText(body.Json)),
        _ => Encoding.UTF8.GetBytes(body.Text ?? ""),
    };

    /// <summary>The body as one string: JSON compact, binary as base64. For predicates and error messages.</summary>
    public static string? AsText(BodyRecord? body) => body switch
    {
        null => null,
        { Encoding: BodyRecord.Base64Encoding } => body.Base64,
        { Encoding: BodyRecord.JsonEncoding } => JsonText(body.Json),
        _ => body.Text,
    };

    /// <summary>Equal bodies: JSON compared as JSON (property order and whitespace ignored), others byte for byte.</summary>
    public static bool AreEqual(BodyRecord? a, BodyRecord? b)
    {
        if (a?.Encoding == BodyRecord.JsonEncoding && b?.Encoding == BodyRecord.JsonEncoding)
        {
            return JsonNode.DeepEquals(a.Json, b.Json);
        }

        return Decode(a).AsSpan().SequenceEqual(Decode(b));
    }

    private static string JsonText(JsonNode? json) => json?.ToJsonString(CassetteJson.Compact) ?? "null";

    private static bool TryDecodeUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            // Control characters other than whitespace mean a binary payload that merely happens to be valid UTF-8.
            return !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static bool LooksBinary(string? mediaType) =>
        mediaType is not null
        && (mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || mediaType.Contains("protobuf", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/grpc", StringComparison.OrdinalIgnoreCase));

    private static bool LooksJson(string? mediaType, string text) =>
        mediaType is not null
            ? mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
            : text.TrimStart() is ['{', ..] or ['[', ..];

    private static void Materialise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialise(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialise(child);
                }

                break;
        }
    }

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            // Materialise the whole tree now: duplicate property names only surface when an object builds its
            // dictionary, which serialising alone does not do (a later redaction or comparison would throw).
            Materialise(node);
            return node;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
