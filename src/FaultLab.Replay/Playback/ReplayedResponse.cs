using System.Net;
using FaultLab.Replay.Format;

namespace FaultLab.Replay.Playback;

/// <summary>Builds a fresh live response from a recorded one: a new one every time, since callers dispose them.</summary>
internal static class ReplayedResponse
{
    public static HttpResponseMessage Create(ResponseRecord recorded, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage((HttpStatusCode)recorded.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(BodyCodec.Decode(recorded.Body)),
        };
        if (recorded.Reason is not null)
        {
            response.ReasonPhrase = recorded.Reason;
        }

        foreach (var (name, values) in recorded.Headers)
        {
            // Response headers and content headers are stored together; each collection refuses the other's names.
            if (!response.Headers.TryAddWithoutValidation(name, values))
            {
                response.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return response;
    }
}
