using System.Text;
using FaultLab.Replay.Format;
using FaultLab.Replay.Redaction;

namespace FaultLab.Replay.Har;

/// <summary>
/// Turns HAR entries, as Chrome, Firefox, Fiddler, Dev Proxy or FaultLab wrote them, into cassette interactions
/// a <see cref="ReplayHandler"/> can answer from. Entries that hold no HTTP exchange are skipped with a reason.
/// </summary>
internal static class HarImporter
{
    /// <summary>The <c>creator.name</c> FaultLab writes; its HARs keep what a browser's would not (see below).</summary>
    public const string FaultLabCreator = "FaultLab";

    /// <summary>Computed by the transport from the body actually sent; a stale value would contradict it (as when recording).</summary>
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
    };

    /// <summary>
    /// The interactions, and each entry left out with why. The list gets printed, so its URLs are redacted by
    /// <paramref name="redactor"/> and secret shapes (a JWT in a path) are cut short.
    /// </summary>
    public static (List<Interaction> Interactions, List<string> Skipped) Import(HarDocument document, Redactor redactor)
    {
        var entries = document.Log?.Entries ?? [];
        // Browsers store the decoded body beside the Content-Encoding header that no longer applies to it;
        // replaying both would make a decompressing client fail. FaultLab's own HARs store the bytes as recorded.
        bool bodiesAsSent = string.Equals(document.Log?.Creator?.Name, FaultLabCreator, StringComparison.Ordinal);
        var interactions = new List<Interaction>(entries.Count);
        var skipped = new List<string>();
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (WhyNot(entry) is { } reason)
            {
                string url = SecretScanner.Mask(redactor.RedactUrl(entry?.Request?.Url ?? ""));
                skipped.Add($"entry {i} ({entry?.Request?.Method} {url}): {reason}");
                continue;
            }

            interactions.Add(new Interaction
            {
                Request = Request(entry!.Request!, bodiesAsSent),
                Response = Response(entry.Response!, bodiesAsSent),
                DurationMs = (long)Math.Round(Duration(entry)),
            });
        }

        return (interactions, skipped);
    }

    private static string? WhyNot(HarEntry? entry)
    {
        if (entry?.Request?.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "not an http(s) request";
        }

        if (string.IsNullOrWhiteSpace(entry.Request.Method))
        {
            return "no request method";
        }

        if (entry.Response is not { Status: >= 200 and <= 599 } response)
        {
            // Chrome writes status 0 and an _error for a request that never got an answer (DNS, refused, blocked).
            return entry.Response is { Status: >= 100 and < 200 }
                ? $"status {entry.Response.Status} is not a final response"
                : $"no response{(entry.Response?.Error is { Length: > 0 } error ? $" ({error})" : "")}";
        }

        if (response.Content?.Encoding is { } encoding && !encoding.Equals(BodyRecord.Base64Encoding, StringComparison.OrdinalIgnoreCase))
        {
            return $"unsupported content encoding '{encoding}'";
        }

        return !IsReadable(response.Content?.Text, response.Content?.Encoding) ? "response content is not valid base64"
            : !IsReadable(entry.Request.PostData?.Text, entry.Request.PostData?.Encoding) ? "request postData is not valid base64"
            : null;
    }

    private static bool IsReadable(string? text, string? encoding) =>
        text is null
        || !string.Equals(encoding, BodyRecord.Base64Encoding, StringComparison.OrdinalIgnoreCase)
        || Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static RequestRecord Request(HarRequest request, bool bodiesAsSent)
    {
        var headers = Headers(request.Headers, bodiesAsSent);
        string? mediaType = HarExporter.MediaType(request.PostData?.MimeType is { Length: > 0 } m ? m : Header(headers, "Content-Type"));
        return new RequestRecord
        {
            Method = request.Method!.ToUpperInvariant(),
            Uri = new Uri(request.Url!).AbsoluteUri,
            Headers = headers,
            Body = BodyCodec.Encode(RequestBody(request.PostData), mediaType),
        };
    }

    private static ResponseRecord Response(HarResponse response, bool bodiesAsSent)
    {
        var headers = Headers(response.Headers, bodiesAsSent);
        string? mediaType = HarExporter.MediaType(Header(headers, "Content-Type") ?? response.Content?.MimeType);
        return new ResponseRecord
        {
            Status = response.Status,
            // HTTP/2 has no reason phrase: Chrome and Firefox write "" there, which HttpClient would report as null.
            Reason = string.IsNullOrEmpty(response.StatusText) ? null : response.StatusText,
            Headers = headers,
            Body = BodyCodec.Encode(Bytes(response.Content?.Text, response.Content?.Encoding), mediaType),
        };
    }

    private static byte[] RequestBody(HarPostData? postData)
    {
        if (postData is null)
        {
            return [];
        }

        if (postData.Text is null && postData.Params is { Count: > 0 } fields)
        {
            // Firefox may give only the fields of a form post.
            string form = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name ?? "")}={Uri.EscapeDataString(f.Value ?? "")}"));
            return Encoding.UTF8.GetBytes(form);
        }

        return Bytes(postData.Text, postData.Encoding);
    }

    private static byte[] Bytes(string? text, string? encoding) =>
        text is null ? []
        : string.Equals(encoding, BodyRecord.Base64Encoding, StringComparison.OrdinalIgnoreCase) ? Convert.FromBase64String(text)
        : Encoding.UTF8.GetBytes(text);

    /// <summary>Names sorted as when recording, values of a repeated name kept in order.</summary>
    private static Dictionary<string, List<string>> Headers(List<HarNameValue>? headers, bool bodiesAsSent)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var kept = (headers ?? [])
            .Where(h => !string.IsNullOrEmpty(h.Name))
            // HTTP/2 pseudo-headers (:authority, :path...) are not headers an HttpClient request or response carries.
            .Where(h => !h.Name!.StartsWith(':') && !TransportHeaders.Contains(h.Name))
            .Where(h => bodiesAsSent || !h.Name!.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            .OrderBy(h => h.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var header in kept)
        {
            if (!result.TryGetValue(header.Name!, out var values))
            {
                result[header.Name!] = values = [];
            }

            values.Add(header.Value ?? "");
        }

        return result;
    }

    private static string? Header(Dictionary<string, List<string>> headers, string name) =>
        headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary><c>time</c>, or the sum of the phases that apply when a tool left it out or wrote 0.</summary>
    private static double Duration(HarEntry entry)
    {
        if (entry.Time > 0)
        {
            return entry.Time;
        }

        if (entry.Timings is not { } t)
        {
            return 0;
        }

        return new[] { t.Blocked, t.Dns, t.Connect, t.Send, t.Wait, t.Receive }.Where(v => v > 0).Sum();
    }
}
