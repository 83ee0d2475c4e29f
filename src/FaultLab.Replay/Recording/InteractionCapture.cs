using System.Net.Http.Headers;
using FaultLab.Replay.Format;

namespace FaultLab.Replay.Recording;

/// <summary>
/// Copies live messages into records. Bodies are buffered by <see cref="HttpContent"/> itself, so the caller can
/// still read the live content afterwards, unchanged.
/// </summary>
internal static class InteractionCapture
{
    /// <summary>Headers the transport computes; replaying a stale value would contradict the body actually sent.</summary>
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
    };

    public static async Task<RequestRecord> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RequestRecord
        {
            Method = request.Method.Method,
            Uri = request.RequestUri?.AbsoluteUri
                ?? throw new InvalidOperationException("A request needs an absolute RequestUri to be recorded or replayed."),
            Headers = Headers(request.Headers, request.Content?.Headers),
            Body = BodyCodec.Encode(body, request.Content?.Headers.ContentType?.MediaType),
        };
    }

    public static async Task<ResponseRecord> CaptureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new ResponseRecord
        {
            Status = (int)response.StatusCode,
            Reason = response.ReasonPhrase,
            Headers = Headers(response.Headers, response.Content.Headers),
            Body = BodyCodec.Encode(body, response.Content.Headers.ContentType?.MediaType),
        };
    }

    private static Dictionary<string, List<string>> Headers(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        IEnumerable<KeyValuePair<string, HeaderStringValues>> pairs = headers.NonValidated;
        if (contentHeaders is not null)
        {
            pairs = pairs.Concat(contentHeaders.NonValidated);
        }

        var all = pairs
            .Where(h => !TransportHeaders.Contains(h.Key))
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in all)
        {
            if (!result.TryGetValue(name, out var list))
            {
                result[name] = list = [];
            }

            list.AddRange(values);
        }

        return result;
    }
}
