namespace FaultLab.Replay;

/// <summary>A request as stored in a cassette, after redaction: what a custom matching predicate compares against.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(string method, Uri uri, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? body)
    {
        Method = method;
        Uri = uri;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the absolute request URL.</summary>
    public Uri Uri { get; }

    /// <summary>Gets the request headers by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Gets the body as text (JSON compact, binary as base64), or <see langword="null"/> when there was none.</summary>
    public string? Body { get; }
}
