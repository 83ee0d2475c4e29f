using FaultLab.Replay.Format;

namespace FaultLab.Replay.Redaction;

/// <summary>
/// Applies <see cref="CassetteRedaction"/> to records, in place. Records are copies made for the cassette, so the
/// live request and response never see a placeholder. Live requests are redacted the same way before matching,
/// which is why a redacted value always matches its recording.
/// </summary>
internal sealed class Redactor(CassetteRedaction settings)
{
    private static readonly HashSet<string> WellKnown = new(CassetteRedaction.WellKnownSecretNames, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> None = new(StringComparer.OrdinalIgnoreCase);

    // Read when used, not captured: the settings stay live until the cassette is first used.
    private ISet<string> AnyCaseNames => settings.RedactWellKnownSecrets ? WellKnown : None;

    private ISet<string> QueryNames => settings.RedactWellKnownSecrets
        ? new HashSet<string>(settings.QueryParameters.Concat(WellKnown), StringComparer.OrdinalIgnoreCase)
        : settings.QueryParameters;

    public void Redact(RequestRecord request)
    {
        request.Uri = RedactUserInfo(QueryString.RedactUri(request.Uri, QueryNames, settings.Placeholder));
        RedactHeaders(request.Headers);
        RedactBody(request.Body, request.Headers);
    }

    public void Redact(ResponseRecord response)
    {
        RedactHeaders(response.Headers);
        RedactBody(response.Body, response.Headers);
    }

    /// <summary><c>user:password@</c> in a URL is a credential by definition, whatever the settings name.</summary>
    private string RedactUserInfo(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.UserInfo.Length == 0)
        {
            return uri;
        }

        var builder = new UriBuilder(parsed) { UserName = Uri.EscapeDataString(settings.Placeholder), Password = "" };
        return builder.Uri.AbsoluteUri;
    }

    public bool IsRedactedHeader(string name) => settings.Headers.Contains(name);

    private void RedactHeaders(Dictionary<string, List<string>> headers)
    {
        foreach (string name in headers.Keys.Where(settings.Headers.Contains).ToList())
        {
            headers[name] = [settings.Placeholder];
        }
    }

    private void RedactBody(BodyRecord? body, Dictionary<string, List<string>> headers)
    {
        if (body?.Encoding == BodyRecord.JsonEncoding)
        {
            // A bare JSON string or number at the root has no field to redact.
            JsonRedactor.Redact(body.Json, settings.JsonFields, settings.Placeholder, AnyCaseNames);
        }
        else if (body?.Encoding == BodyRecord.TextEncoding && body.Text is not null && IsForm(headers))
        {
            body.Text = QueryString.Redact(body.Text, QueryNames, settings.Placeholder);
        }
        else if (body?.Encoding == BodyRecord.TextEncoding && body.Text is not null && LooksJson(headers, body.Text))
        {
            // JSON that did not parse (duplicate names, trailing comma, cut off) is stored as text: redact it as text.
            body.Text = JsonRedactor.RedactText(body.Text, settings.JsonFields, settings.Placeholder, AnyCaseNames);
        }
    }

    // The shape decides as well as the label: JSON sent as text/plain (sendBeacon, some SDKs) holds the same fields,
    // and redacting a text that merely starts with a brace can only replace a "name": value pair the user named.
    private static bool LooksJson(Dictionary<string, List<string>> headers, string text) =>
        text.TrimStart() is ['{', ..] or ['[', ..]
        || (headers.TryGetValue("Content-Type", out var types) && types.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)));

    private static bool IsForm(Dictionary<string, List<string>> headers) =>
        headers.TryGetValue("Content-Type", out var types)
        && types.Any(t => t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));
}
