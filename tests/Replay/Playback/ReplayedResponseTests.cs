using System.Net;
using FaultLab.Replay.Format;
using FaultLab.Replay.Playback;

namespace FaultLab.Replay.Tests.Playback;

public sealed class ReplayedResponseTests
{
    [Fact]
    public async Task Response_and_content_headers_land_where_they_belong_and_length_matches_the_body()
    {
        var recorded = new ResponseRecord
        {
            Status = 429,
            Reason = "Slow Down",
            Headers = new() { ["Retry-After"] = ["3"], ["Content-Type"] = ["application/json"], ["X-Custom"] = ["a", "b"] },
            Body = new BodyRecord { Encoding = BodyRecord.JsonEncoding, Json = System.Text.Json.Nodes.JsonNode.Parse("{ \"e\": 1 }") },
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");

        using var response = ReplayedResponse.Create(recorded, request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Slow Down", response.ReasonPhrase);
        Assert.Same(request, response.RequestMessage);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.Equal(["a", "b"], response.Headers.GetValues("X-Custom"));
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"e\":1}", await response.Content.ReadAsStringAsync());
        Assert.Equal(7, response.Content.Headers.ContentLength);
    }

    [Fact]
    public void Every_replay_is_a_new_response()
    {
        var recorded = new ResponseRecord { Status = 200 };
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");

        using var first = ReplayedResponse.Create(recorded, request);
        using var second = ReplayedResponse.Create(recorded, request);

        Assert.NotSame(first, second);
    }
}
