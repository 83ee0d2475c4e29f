using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FaultLab.Realization;

/// <summary>Builds an error response the way a real server and <c>SocketsHttpHandler</c> would hand it over:
/// <see cref="HttpResponseMessage.RequestMessage"/>, version, reason phrase, <c>Date</c>, and a body.</summary>
internal static class InjectedResponse
{
    public static HttpResponseMessage Create(HttpRequestMessage? request, int statusCode, TimeProvider clock, HttpContent? content)
    {
        var response = new HttpResponseMessage((HttpStatusCode)statusCode)
        {
            RequestMessage = request,
            Version = request?.Version ?? HttpVersion.Version11,
            Content = content ?? new ByteArrayContent([]),
        };
        response.Headers.Date = clock.GetUtcNow();
        return response;
    }

    /// <summary>An RFC 9457 problem details body (<c>application/problem+json</c>).</summary>
    public static HttpContent ProblemDetails(int statusCode, string? detail, HttpRequestMessage? request)
    {
        string title = ReasonPhrase(statusCode);
        // Written member by member rather than serializing a Dictionary<string, object?>: byte-for-byte the same JSON
        // (same default encoder, null instance still written as null) without reflection and boxing, ~4x cheaper.
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", ProblemType(statusCode));
            json.WriteString("title", title);
            json.WriteNumber("status", statusCode);
            json.WriteString("detail", detail ?? title);
            json.WriteString("instance", request?.RequestUri?.AbsolutePath);
            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/problem+json") { CharSet = "utf-8" };
        return content;
    }

    // RFC 9110 defines most statuses; 428, 429, 431 and 511 come from RFC 6585 and 451 from RFC 7725, where
    // an rfc9110#status.429 anchor would point nowhere.
    private static string ProblemType(int statusCode) => statusCode switch
    {
        428 => "https://www.rfc-editor.org/rfc/rfc6585#section-3",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        431 => "https://www.rfc-editor.org/rfc/rfc6585#section-5",
        511 => "https://www.rfc-editor.org/rfc/rfc6585#section-6",
        451 => "https://www.rfc-editor.org/rfc/rfc7725#section-3",
        _ => $"https://www.rfc-editor.org/rfc/rfc9110#status.{statusCode.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>The small HTML page a gateway (nginx, a load balancer) returns for 502/503/504.</summary>
    public static HttpContent GatewayPage(int statusCode)
    {
        string line = $"{statusCode.ToString(CultureInfo.InvariantCulture)} {ReasonPhrase(statusCode)}";
        var html = $"<html>\r\n<head><title>{line}</title></head>\r\n<body>\r\n<center><h1>{line}</h1></center>\r\n</body>\r\n</html>\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(html));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        return content;
    }

    public static HttpContent Text(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static string ReasonPhrase(int statusCode) =>
        new HttpResponseMessage((HttpStatusCode)statusCode).ReasonPhrase ?? "Error";

    /// <summary>Sets <c>Retry-After</c> as delta-seconds (rounded up) or as an HTTP-date on the injected clock.</summary>
    public static void SetRetryAfter(HttpResponseMessage response, TimeSpan delay, bool asDate, TimeProvider clock)
    {
        response.Headers.RetryAfter = asDate
            ? new RetryConditionHeaderValue(clock.GetUtcNow() + delay)
            : new RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)));
    }
}
