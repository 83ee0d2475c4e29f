using System.Net;
using System.Text.Json.Nodes;
using FaultLab.Replay.Format;
using FaultLab.Replay.Redaction;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Redaction;

/// <summary>
/// URLs in headers (a redirect's <c>Location</c>, <c>Content-Location</c>, <c>Link</c>, <c>Referer</c>) are redacted
/// with the request URL's rules, and text bodies that only carry JSON (server-sent events) have their fields redacted.
/// </summary>
public sealed class UrlRedactionTests : LoopbackTest
{
    [Fact]
    public async Task A_redirect_and_the_urls_in_its_headers_are_written_without_their_secret_query_parameters()
    {
        string path = Files.File("oauth.json");
        var options = new CassetteOptions();
        options.Redaction.QueryParameters.Add("code");
        using (var client = Client(path, RecordMode.Record, options))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "authorize?client_id=shop");
            request.Headers.Referrer = new Uri("http://127.0.0.1/app/login?next=%2Forders&token=referer-token");
            using var response = await client.SendAsync(request);

            // The caller still follows the real redirect: redaction only changes the file.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("https://127.0.0.1/cb?access_token=abc&code=xyz&state=s1", response.Headers.Location?.OriginalString);
        }

        var interaction = JsonNode.Parse(File.ReadAllText(path))!["interactions"]![0]!;
        var headers = interaction["response"]!["headers"]!;
        Assert.Equal("https://127.0.0.1/cb?access_token=%5BREDACTED%5D&code=%5BREDACTED%5D&state=s1", (string?)headers["Location"]);
        Assert.Equal("/authorize?client_id=shop&client_secret=%5BREDACTED%5D&scope=orders", (string?)headers["Content-Location"]);
        Assert.Equal(
            "<https://127.0.0.1/orders?page=2&access_token=%5BREDACTED%5D>; rel=\"next\", </orders?page=9&api_key=%5BREDACTED%5D>; rel=\"last\"",
            (string?)headers["Link"]);
        Assert.Equal("http://127.0.0.1/app/login?next=%2Forders&token=%5BREDACTED%5D", (string?)interaction["request"]!["headers"]!["Referer"]);

        // Replayed as written: the redirect still points at the callback, with placeholders in place of the secrets.
        using var replayer = Client(path, RecordMode.ReplayOnly, options);
        using var replayed = await replayer.GetAsync("authorize?client_id=shop");
        Assert.Equal("https://127.0.0.1/cb?access_token=%5BREDACTED%5D&code=%5BREDACTED%5D&state=s1", replayed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Server_sent_events_carrying_json_are_written_without_the_secret_fields()
    {
        string path = Files.File("events.json");
        using (var client = Client(path, RecordMode.Record, new CassetteOptions()))
        {
            Assert.Contains("sse-token-1", await client.GetStringAsync("events"));
        }

        var body = JsonNode.Parse(File.ReadAllText(path))!["interactions"]![0]!["response"]!["body"]!;
        Assert.Equal(BodyRecord.TextEncoding, (string?)body["encoding"]);
        Assert.Equal(
            "event: login\ndata: {\"user\":\"ann\",\"access_token\":\"[REDACTED]\"}\n\ndata: {\"refreshToken\": \"[REDACTED]\", \"n\": 2}\n\n",
            (string?)body["text"]);
    }

    [Fact]
    public void By_default_a_redirect_keeps_its_code_and_loses_its_token()
    {
        var response = new ResponseRecord
        {
            Status = 302,
            Headers = new(StringComparer.OrdinalIgnoreCase) { ["Location"] = ["https://127.0.0.1/cb?access_token=abc&code=xyz"] },
        };

        new Redactor(new CassetteRedaction()).Redact(response);

        Assert.Equal(["https://127.0.0.1/cb?access_token=%5BREDACTED%5D&code=xyz"], response.Headers["Location"]);
    }

    [Theory]
    [InlineData("https://app.example.test/cb#access_token=frag-1&token_type=bearer&expires_in=3600",
        "https://app.example.test/cb#access_token=P&token_type=bearer&expires_in=3600")]
    [InlineData("https://app.example.test/#/callback?access_token=frag-2&state=s2", "https://app.example.test/#/callback?access_token=P&state=s2")]
    [InlineData("/cb?state=s1&code=c1#section", "/cb?state=s1&code=P#section")]
    [InlineData("cb?code=c1", "cb?code=P")]
    [InlineData("/docs?code=c1#password", "/docs?code=P#password")] // an anchor without '=' is no parameter
    [InlineData("https://ann:hunter2@api.example.test/orders?code=c1", "https://P@api.example.test/orders?code=P")]
    public void A_url_in_a_header_is_redacted_relative_or_absolute_in_its_query_fragment_and_user_info(string url, string written)
    {
        var settings = new CassetteRedaction { Placeholder = "P" };
        settings.QueryParameters.Add("code");
        var response = new ResponseRecord { Status = 302, Headers = new(StringComparer.OrdinalIgnoreCase) { ["location"] = [url] } };

        new Redactor(settings).Redact(response);

        Assert.Equal([written], response.Headers["location"]);
    }

    private HttpClient Client(string path, RecordMode mode, CassetteOptions options) =>
        new(ReplayHandler.Create(new Cassette(path), mode, options, new SocketsHttpHandler { AllowAutoRedirect = false }))
        {
            BaseAddress = Dependency.BaseAddress,
        };
}
