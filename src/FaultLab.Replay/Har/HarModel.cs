using System.Text.Json.Serialization;

namespace FaultLab.Replay.Har;

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as far as FaultLab reads and writes it. Fields the
// browsers add (_initiator, _resourceType, cache, pages...) are ignored on import; names starting with '_' are the
// spec's way of adding fields, which FaultLab uses for what HAR cannot say (a binary request body).

/// <summary>The root object: <c>{ "log": ... }</c>.</summary>
internal sealed class HarDocument
{
    public HarLog? Log { get; set; }
}

internal sealed class HarLog
{
    public string? Version { get; set; }

    public HarCreator? Creator { get; set; }

    public List<HarEntry>? Entries { get; set; }
}

internal sealed class HarCreator
{
    public string? Name { get; set; }

    public string? Version { get; set; }
}

internal sealed class HarEntry
{
    public string? StartedDateTime { get; set; }

    /// <summary>Total elapsed time of the request in milliseconds (the sum of the non-negative timings).</summary>
    public double Time { get; set; }

    public HarRequest? Request { get; set; }

    public HarResponse? Response { get; set; }

    /// <summary>Required by the spec; FaultLab knows nothing of the browser cache, so it writes an empty object.</summary>
    public HarCache? Cache { get; set; }

    public HarTimings? Timings { get; set; }
}

internal sealed class HarCache;

internal sealed class HarRequest
{
    public string? Method { get; set; }

    public string? Url { get; set; }

    public string? HttpVersion { get; set; }

    public List<HarCookie>? Cookies { get; set; }

    public List<HarNameValue>? Headers { get; set; }

    public List<HarNameValue>? QueryString { get; set; }

    public HarPostData? PostData { get; set; }

    public long HeadersSize { get; set; } = -1;

    public long BodySize { get; set; } = -1;
}

internal sealed class HarResponse
{
    public int Status { get; set; }

    public string? StatusText { get; set; }

    public string? HttpVersion { get; set; }

    public List<HarCookie>? Cookies { get; set; }

    public List<HarNameValue>? Headers { get; set; }

    public HarContent? Content { get; set; }

    [JsonPropertyName("redirectURL")]
    public string? RedirectUrl { get; set; }

    public long HeadersSize { get; set; } = -1;

    public long BodySize { get; set; } = -1;

    /// <summary>Chrome's reason for an entry without a response (status 0), e.g. <c>net::ERR_NAME_NOT_RESOLVED</c>.</summary>
    [JsonPropertyName("_error")]
    public string? Error { get; set; }
}

internal sealed class HarNameValue
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}

internal sealed class HarCookie
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}

internal sealed class HarPostData
{
    public string? MimeType { get; set; }

    /// <summary>Form fields, as Firefox and Chrome write them for <c>application/x-www-form-urlencoded</c> bodies.</summary>
    public List<HarNameValue>? Params { get; set; }

    public string? Text { get; set; }

    /// <summary>
    /// FaultLab's extension: <c>base64</c> when <see cref="Text"/> is a base64 binary body. HAR gives response
    /// content an <c>encoding</c> but request bodies none, so a binary upload would otherwise be lost.
    /// </summary>
    [JsonPropertyName("_encoding")]
    public string? Encoding { get; set; }
}

internal sealed class HarContent
{
    public long Size { get; set; }

    public string? MimeType { get; set; }

    public string? Text { get; set; }

    /// <summary><c>base64</c> when <see cref="Text"/> is base64 (binary bodies); absent for text.</summary>
    public string? Encoding { get; set; }
}

/// <summary>Phases in milliseconds; -1 means "does not apply". Only send, wait and receive are required.</summary>
internal sealed class HarTimings
{
    public double Blocked { get; set; } = -1;

    public double Dns { get; set; } = -1;

    public double Connect { get; set; } = -1;

    public double Send { get; set; }

    public double Wait { get; set; }

    public double Receive { get; set; }

    public double Ssl { get; set; } = -1;
}
