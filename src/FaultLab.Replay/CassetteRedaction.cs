namespace FaultLab.Replay;

/// <summary>
/// What is replaced before an interaction is written. Redaction changes only the cassette: the live response the
/// caller receives while recording is never altered.
/// </summary>
public sealed class CassetteRedaction
{
    /// <summary>Gets or sets the text written in place of a redacted value.</summary>
    public string Placeholder { get; set; } = "[REDACTED]";

    /// <summary>Gets the request and response headers redacted. Holds <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c> and <c>Set-Cookie</c> by default.</summary>
    public ISet<string> Headers { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
    };

    /// <summary>Gets the query parameters redacted in recorded URLs, e.g. <c>api_key</c>.</summary>
    public ISet<string> QueryParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the JSON body fields redacted in requests and responses. A plain name (<c>password</c>) matches that
    /// property at any depth; a dotted path from the root (<c>$.auth.token</c> or <c>auth.token</c>) matches only
    /// there. Arrays are walked through, so <c>items.secret</c> reaches every element's <c>secret</c>.
    /// </summary>
    public ISet<string> JsonFields { get; } = new HashSet<string>(StringComparer.Ordinal);
}
