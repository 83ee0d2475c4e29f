using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using FaultLab.Replay.Format;

namespace FaultLab.Replay.Har;

/// <summary>
/// Turns cassette interactions into HAR entries that Chrome DevTools and Firefox open: headers as name/value lists,
/// every field the spec requires present, sizes computed from what would go on the wire.
/// </summary>
internal static class HarExporter
{
    /// <summary>What cassettes do not know: they store neither the protocol version nor the wall-clock time.</summary>
    public const string HttpVersion = "HTTP/1.1";

    public static HarDocument Export(IReadOnlyList<Interaction> interactions, DateTimeOffset startedAt)
    {
        var entries = new List<HarEntry>(interactions.Count);
        var started = startedAt;
        foreach (var interaction in interactions)
        {
            entries.Add(Entry(interaction, started));
            started += TimeSpan.FromMilliseconds(interaction.DurationMs);
        }

        return new HarDocument
        {
            Log = new HarLog
            {
                Version = "1.2",
                Creator = new HarCreator { Name = HarImporter.FaultLabCreator, Version = typeof(HarExporter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0" },
                Entries = entries,
            },
        };
    }

    private static HarEntry Entry(Interaction interaction, DateTimeOffset started) => new()
    {
        StartedDateTime = started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Time = interaction.DurationMs,
        Request = Request(interaction.Request),
        Response = Response(interaction.Response),
        Cache = new HarCache(),
        // A cassette measures send-to-last-byte as one span: all of it is waiting, as far as HAR can tell.
        Timings = new HarTimings { Send = 0, Wait = interaction.DurationMs, Receive = 0 },
    };

    private static HarRequest Request(RequestRecord request)
    {
        byte[] body = BodyCodec.Decode(request.Body);
        var uri = new Uri(request.Uri);
        string requestLine = $"{request.Method} {uri.PathAndQuery} {HttpVersion}\r\n";
        return new HarRequest
        {
            Method = request.Method,
            Url = request.Uri,
            HttpVersion = HttpVersion,
            Cookies = RequestCookies(request.Headers),
            Headers = Headers(request.Headers),
            QueryString = Query(uri.Query),
            PostData = request.Body is null ? null : new HarPostData
            {
                MimeType = ContentType(request.Headers) ?? "",
                Text = BodyCodec.AsText(request.Body),
                Encoding = request.Body.Encoding == BodyRecord.Base64Encoding ? BodyRecord.Base64Encoding : null,
            },
            HeadersSize = HeadersSize(requestLine, request.Headers),
            BodySize = body.Length,
        };
    }

    private static HarResponse Response(ResponseRecord response)
    {
        byte[] body = BodyCodec.Decode(response.Body);
        string statusLine = $"{HttpVersion} {response.Status} {response.Reason}\r\n";
        return new HarResponse
        {
            Status = response.Status,
            StatusText = response.Reason ?? "",
            HttpVersion = HttpVersion,
            Cookies = ResponseCookies(response.Headers),
            Headers = Headers(response.Headers),
            Content = new HarContent
            {
                Size = body.Length,
                // The spec requires a mimeType; DevTools shows "x-unknown" for a body without one.
                MimeType = ContentType(response.Headers) ?? (response.Body is null ? "" : "x-unknown"),
                Text = BodyCodec.AsText(response.Body),
                Encoding = response.Body?.Encoding == BodyRecord.Base64Encoding ? BodyRecord.Base64Encoding : null,
            },
            RedirectUrl = response.Headers.TryGetValue("Location", out var location) ? location.FirstOrDefault() ?? "" : "",
            HeadersSize = HeadersSize(statusLine, response.Headers),
            BodySize = body.Length,
        };
    }

    private static List<HarNameValue> Headers(Dictionary<string, List<string>> headers) =>
        headers.SelectMany(h => h.Value.Select(v => new HarNameValue { Name = h.Key, Value = v })).ToList();

    private static string? ContentType(Dictionary<string, List<string>> headers) =>
        headers.TryGetValue("Content-Type", out var values) ? values.FirstOrDefault() : null;

    /// <summary>The size of the request or status line and headers as HTTP/1.1 would send them, blank line included.</summary>
    private static long HeadersSize(string firstLine, Dictionary<string, List<string>> headers) =>
        Encoding.UTF8.GetByteCount(firstLine)
        + headers.Sum(h => h.Value.Sum(v => Encoding.UTF8.GetByteCount($"{h.Key}: {v}\r\n")))
        + 2;

    private static List<HarNameValue> Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new HarNameValue { Name = Unescape(parts[0]), Value = parts.Length > 1 ? Unescape(parts[1]) : "" })
            .ToList();

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>Cookies from <c>Cookie: a=1; b=2</c>. A redacted header holds no pair, so it yields no cookie.</summary>
    private static List<HarCookie> RequestCookies(Dictionary<string, List<string>> headers) =>
        headers.TryGetValue("Cookie", out var values)
            ? values.SelectMany(v => v.Split(';')).Select(Cookie).OfType<HarCookie>().ToList()
            : [];

    /// <summary>Cookies from each <c>Set-Cookie: a=1; Path=/</c>: the first pair names the cookie.</summary>
    private static List<HarCookie> ResponseCookies(Dictionary<string, List<string>> headers) =>
        headers.TryGetValue("Set-Cookie", out var values)
            ? values.Select(v => Cookie(v.Split(';')[0])).OfType<HarCookie>().ToList()
            : [];

    private static HarCookie? Cookie(string pair)
    {
        int equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0 ? null : new HarCookie { Name = pair[..equals].Trim(), Value = pair[(equals + 1)..].Trim() };
    }

    /// <summary>The media type of a Content-Type value, as <see cref="HttpContent"/> parses it while recording.</summary>
    public static string? MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType : null;
}
