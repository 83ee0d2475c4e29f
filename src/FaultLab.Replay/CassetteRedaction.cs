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

    /// <summary>
    /// Gets the names redacted by default, in any case, as query parameters, form fields and JSON properties at any
    /// depth: the credentials APIs most often carry outside headers (OAuth 2.0's <c>access_token</c>,
    /// <c>refresh_token</c>, <c>id_token</c>, <c>client_secret</c>; API keys; passwords). The camelCase spellings
    /// (<c>accessToken</c>) are included.
    /// </summary>
    public static IReadOnlyList<string> WellKnownSecretNames { get; } =
    [
        "api_key", "apikey", "access_token", "accesstoken", "refresh_token", "refreshtoken", "id_token", "idtoken",
        "client_secret", "clientsecret", "password", "secret", "token",
    ];

    /// <summary>
    /// Gets or sets a value indicating whether the <see cref="WellKnownSecretNames"/> are redacted in query strings,
    /// form bodies and JSON bodies on top of <see cref="QueryParameters"/> and <see cref="JsonFields"/>.
    /// Defaults to <see langword="true"/>; set <see langword="false"/> only for a cassette that must keep such a
    /// value (a public test fixture, say), since the secret scan then stays the only guard.
    /// </summary>
    public bool RedactWellKnownSecrets { get; set; } = true;

    /// <summary>Gets the query parameters redacted in recorded URLs, e.g. <c>api_key</c> (case-insensitively).</summary>
    public ISet<string> QueryParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the JSON body fields redacted in requests and responses. A plain name (<c>password</c>) matches that
    /// property at any depth; a dotted path from the root (<c>$.auth.token</c> or <c>auth.token</c>) matches only
    /// there. Arrays are walked through, so <c>items.secret</c> reaches every element's <c>secret</c>.
    /// </summary>
    public ISet<string> JsonFields { get; } = new HashSet<string>(StringComparer.Ordinal);
}
