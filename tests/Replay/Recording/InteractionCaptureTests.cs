using System.Net;
using System.Text;
using FaultLab.Replay.Format;
using FaultLab.Replay.Recording;

namespace FaultLab.Replay.Tests.Recording;

public sealed class InteractionCaptureTests
{
    [Fact]
    public async Task Capturing_a_response_leaves_its_body_readable_for_the_caller()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new MemoryStream("{\"a\":1}"u8.ToArray())),
        };
        response.Content.Headers.ContentType = new("application/json");

        var record = await InteractionCapture.CaptureAsync(response, CancellationToken.None);

        Assert.Equal(BodyRecord.JsonEncoding, record.Body!.Encoding);
        Assert.Equal("{\"a\":1}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Transport_headers_are_dropped_and_the_rest_sorted_by_name()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("x", Encoding.UTF8, "text/plain") };
        response.Headers.TransferEncodingChunked = true;
        response.Headers.Add("x-zeta", "1");
        response.Headers.Add("ETag", "\"v1\"");
        response.Content.Headers.ContentLength = 1;

        var record = await InteractionCapture.CaptureAsync(response, CancellationToken.None);

        Assert.Equal(["Content-Type", "ETag", "x-zeta"], record.Headers.Keys);
    }

    [Fact]
    public async Task A_request_body_is_captured_and_can_still_be_sent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1/items/1")
        {
            Content = new StreamContent(new MemoryStream("name=a"u8.ToArray())),
        };

        var record = await InteractionCapture.CaptureAsync(request, CancellationToken.None);

        Assert.Equal("PUT", record.Method);
        Assert.Equal("name=a", record.Body!.Text);
        Assert.Equal("name=a", await request.Content.ReadAsStringAsync());
    }
}
