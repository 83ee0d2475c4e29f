using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FaultLab.Replay.Format;

/// <summary>The whole cassette file: a format version and the interactions in recorded order.</summary>
internal sealed class CassetteDocument
{
    /// <summary>The only format version written so far; a different one is refused rather than misread.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public List<Interaction> Interactions { get; set; } = [];
}

/// <summary>One request and the response it got, and how long that took.</summary>
internal sealed class Interaction
{
    // Null until set, so a cassette missing either is caught by the load check instead of replaying an empty default.
    public RequestRecord Request { get; set; } = null!;

    public ResponseRecord Response { get; set; } = null!;

    /// <summary>Time from sending the request to having read the whole response body, in whole milliseconds.</summary>
    public long DurationMs { get; set; }
}

/// <summary>A request as written to disk (redacted).</summary>
internal sealed class RequestRecord
{
    public string Method { get; set; } = "GET";

    public string Uri { get; set; } = "";

    /// <summary>Header name to values, request and content headers together, names sorted for stable diffs.</summary>
    [JsonConverter(typeof(HeadersConverter))]
    public Dictionary<string, List<string>> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public BodyRecord? Body { get; set; }
}

/// <summary>A response as written to disk (redacted).</summary>
internal sealed class ResponseRecord
{
    public int Status { get; set; }

    public string? Reason { get; set; }

    /// <summary>Header name to values, response and content headers together, names sorted for stable diffs.</summary>
    [JsonConverter(typeof(HeadersConverter))]
    public Dictionary<string, List<string>> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public BodyRecord? Body { get; set; }
}

/// <summary>
/// A body in the most readable form that still round-trips: JSON embedded as JSON (so a diff shows the changed
/// field, not one long escaped line), other text as text, anything else as base64. Exactly one of
/// <see cref="Json"/>, <see cref="Text"/> and <see cref="Base64"/> is set, as <see cref="Encoding"/> says.
/// </summary>
internal sealed class BodyRecord
{
    public const string JsonEncoding = "json";
    public const string TextEncoding = "utf-8";
    public const string Base64Encoding = "base64";

    public string Encoding { get; set; } = TextEncoding;

    public JsonNode? Json { get; set; }

    public string? Text { get; set; }

    public string? Base64 { get; set; }
}
