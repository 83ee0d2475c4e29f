using System.Text.RegularExpressions;
using FaultLab.Replay.Format;

namespace FaultLab.Replay.Redaction;

/// <summary>
/// Applies <see cref="CassetteRedaction"/> to records, in place. Records are copies made for the cassette, so the
/// live request and response never see a placeholder. Live requests are redacted the same way before matching,
/// which is why a redacted value always matches its recording.
/// </summary>
internal sealed partial class Redactor(CassetteRedaction settings)
{
    private static readonly HashSet<string> WellKnown = new(CassetteRedaction.WellKnownSecretNames, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> None = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Headers whose whole value is one URL, redacted as the request URL is: a redirect's <c>Location</c> is where an
    /// OAuth server hands over its code and tokens, and a browser's <c>Referer</c> repeats the page's own query.
    /// </summary>
    private static readonly HashSet<string> UrlHeaders = new(StringComparer.OrdinalIgnoreCase) { "Location", "Content-Location", "Referer" };

    // Read when used, not captured: the settings stay live until the cassette is first used.
    private ISet<string> AnyCaseNames => settings.RedactWellKnownSecrets ? WellKnown : None;

    private ISet<string> QueryNames => settings.RedactWellKnownSecrets
        ? new HashSet<string>(settings.QueryParameters.Concat(WellKnown), StringComparer.OrdinalIgnoreCase)
        : settings.QueryParameters;

    public void Redact(RequestRecord request)
    {
        request.Uri = RedactUrl(request.Uri);
        RedactHeaders(request.Headers);
        RedactBody(request.Body, request.Headers);
    }

    public void Redact(ResponseRecord response)
    {
        RedactHeaders(response.Headers);
        RedactBody(response.Body, response.Headers);
    }

    /// <summary>The URL with its secret query parameters and user info replaced, as every URL written is; relative URLs too.</summary>
    public string RedactUrl(string url) => RedactUserInfo(QueryString.RedactUri(url, QueryNames, settings.Placeholder));

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
        foreach (string name in headers.Keys.ToList())
        {
            if (settings.Headers.Contains(name))
            {
                headers[name] = [settings.Placeholder];
            }
            else if (UrlHeaders.Contains(name))
            {
                headers[name] = headers[name].ConvertAll(RedactUrl);
            }
            else if (name.Equals("Link", StringComparison.OrdinalIgnoreCase))
            {
                headers[name] = headers[name].ConvertAll(RedactLinkTargets);
            }
        }
    }

    /// <summary><c>Link</c> (RFC 8288) holds its URLs in angle brackets, e.g. the next page of a paged API with the caller's token.</summary>
    private string RedactLinkTargets(string value) => LinkTarget().Replace(value, m => $"<{RedactUrl(m.Groups[1].Value)}>");

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
        else if (body?.Encoding == BodyRecord.TextEncoding && body.Text is not null)
        {
            // Any other text is searched for "name": value pairs, whatever its label: JSON that did not parse (duplicate
            // names, trailing comma, cut off), JSON sent as text/plain (sendBeacon), server-sent events
            // (data: {"access_token": ...}), a page's inline script. Only a pair the user or the defaults named changes.
            body.Text = JsonRedactor.RedactText(body.Text, settings.JsonFields, settings.Placeholder, AnyCaseNames);
        }
    }

    private static bool IsForm(Dictionary<string, List<string>> headers) =>
        headers.TryGetValue("Content-Type", out var types)
        && types.Any(t => t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("<([^<>]*)>")]
    private static partial Regex LinkTarget();
}
