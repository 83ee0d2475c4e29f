using System.Net;
using FaultLab.Realization;
using FaultLab.Tests.Support;

namespace FaultLab.Tests;

/// <summary>The responses FaultLab answers with look like a real server's: exact bodies, types, headers and versions.</summary>
public sealed class InjectedResponseTests
{
    [Theory]
    [InlineData(428, "https://www.rfc-editor.org/rfc/rfc6585#section-3")]
    [InlineData(431, "https://www.rfc-editor.org/rfc/rfc6585#section-5")]
    [InlineData(511, "https://www.rfc-editor.org/rfc/rfc6585#section-6")]
    [InlineData(451, "https://www.rfc-editor.org/rfc/rfc7725#section-3")]
    [InlineData(404, "https://www.rfc-editor.org/rfc/rfc9110#status.404")]
    public async Task A_problem_details_body_is_exact_RFC_9457_JSON(int status, string type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://h/orders/7?x=1");

        using var content = InjectedResponse.ProblemDetails(status, "went wrong", request);

        string title = InjectedResponse.ReasonPhrase(status);
        Assert.Equal($$"""{"type":"{{type}}","title":"{{title}}","status":{{status}},"detail":"went wrong","instance":"/orders/7"}""",
            await content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", content.Headers.ContentType.CharSet);
    }

    [Fact]
    public async Task Without_a_detail_or_a_request_the_title_is_the_detail_and_the_instance_is_null()
    {
        using var content = InjectedResponse.ProblemDetails(503, null, null);

        Assert.Equal("""{"type":"https://www.rfc-editor.org/rfc/rfc9110#status.503","title":"Service Unavailable","status":503,"detail":"Service Unavailable","instance":null}""",
            await content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_gateway_page_is_the_small_HTML_a_proxy_returns()
    {
        using var content = InjectedResponse.GatewayPage(502);

        Assert.Equal("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
            await content.ReadAsStringAsync());
        Assert.Equal("text/html", content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task A_response_carries_its_request_version_date_and_an_empty_body_by_default()
    {
        var clock = Clock.New();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://h/") { Version = HttpVersion.Version20 };

        using var withRequest = InjectedResponse.Create(request, 418, clock, null);
        using var withoutRequest = InjectedResponse.Create(null, 500, clock, InjectedResponse.Text("oops", "text/plain; charset=utf-8"));

        Assert.Equal((HttpStatusCode)418, withRequest.StatusCode);
        Assert.Same(request, withRequest.RequestMessage);
        Assert.Equal(HttpVersion.Version20, withRequest.Version);
        Assert.Equal(clock.GetUtcNow(), withRequest.Headers.Date);
        Assert.Empty(await withRequest.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpVersion.Version11, withoutRequest.Version);
        Assert.Equal("oops", await withoutRequest.Content.ReadAsStringAsync());
        Assert.Equal("text/plain; charset=utf-8", withoutRequest.Content.Headers.ContentType!.ToString());
        Assert.Equal("Error", InjectedResponse.ReasonPhrase(599));
    }

    [Fact]
    public void Retry_After_is_whole_seconds_rounded_up_or_a_date_on_the_injected_clock()
    {
        var clock = Clock.New();
        using var seconds = new HttpResponseMessage();
        using var exact = new HttpResponseMessage();
        using var date = new HttpResponseMessage();

        InjectedResponse.SetRetryAfter(seconds, TimeSpan.FromMilliseconds(1200), asDate: false, clock);
        InjectedResponse.SetRetryAfter(exact, TimeSpan.FromSeconds(3), asDate: false, clock);
        InjectedResponse.SetRetryAfter(date, TimeSpan.FromSeconds(30), asDate: true, clock);

        Assert.Equal(TimeSpan.FromSeconds(2), seconds.Headers.RetryAfter!.Delta);
        Assert.Equal(TimeSpan.FromSeconds(3), exact.Headers.RetryAfter!.Delta);
        Assert.Equal(clock.GetUtcNow().AddSeconds(30), date.Headers.RetryAfter!.Date);
        Assert.Null(date.Headers.RetryAfter.Delta);
    }
}
