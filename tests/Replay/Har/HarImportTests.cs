using System.Net;
using System.Text;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Har;

public sealed class HarImportTests
{
    [Fact]
    public async Task A_Chrome_HAR_replays_its_HTTP_exchanges_and_names_what_it_skipped()
    {
        using var directory = new TempDirectory();
        string cassette = directory.File("chrome.json");

        var result = await HarArchive.ImportAsync(HarFixture.Path("chrome.har"), cassette);

        Assert.Equal(4, result.Imported);
        Assert.Equal("WebInspector 537.36", result.Creator);
        Assert.Equal(
            [
                "entry 4 (GET https://cdn.example.test/widgets.js): no response (net::ERR_NAME_NOT_RESOLVED)",
                "entry 5 (GET chrome-extension://abcdefghijklmnopabcdefghijklmnop/inject.js): not an http(s) request",
            ],
            result.Skipped);

        using var client = new HttpClient(ReplayHandler.Create(new Cassette(cassette), RecordMode.ReplayOnly));
        using var orders = await client.GetAsync("https://api.shop.example.test/orders?size=20&page=2");
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        Assert.Equal("""{"page":2,"items":[{"id":21,"total":19.5},{"id":22,"total":7}],"next":"/orders?page=3"}""", await orders.Content.ReadAsStringAsync());
        // Chrome stores the decoded body: the "br" it arrived in no longer applies, and replaying it would break a decompressing client.
        Assert.Empty(orders.Content.Headers.ContentEncoding);
        Assert.Equal("application/json", orders.Content.Headers.ContentType?.MediaType);

        using var created = await client.PostAsync("https://api.shop.example.test/orders", new StringContent("""{"item":"book","quantity":2}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/orders/23", created.Headers.Location?.OriginalString);

        Assert.Equal(Convert.FromBase64String("iVBORw0KGgo="), await client.GetByteArrayAsync("https://api.shop.example.test/logo.png"));

        using var unavailable = await client.GetAsync("https://api.shop.example.test/orders/9");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), unavailable.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_Chrome_HAR_is_redacted_as_a_recording_would_be_and_keeps_no_HTTP2_pseudo_headers()
    {
        using var directory = new TempDirectory();
        string cassette = directory.File("chrome.json");

        await HarArchive.ImportAsync(HarFixture.Path("chrome.har"), cassette);

        var first = HarFixture.Interactions(cassette)[0]!;
        var requestHeaders = first["request"]!["headers"]!.AsObject();
        Assert.Equal(["accept", "accept-encoding", "authorization", "cookie", "user-agent"], requestHeaders.Select(h => h.Key));
        Assert.Equal("[REDACTED]", (string?)requestHeaders["authorization"]);
        Assert.Equal("[REDACTED]", (string?)requestHeaders["cookie"]);
        Assert.Equal("[REDACTED]", (string?)first["response"]!["headers"]!["set-cookie"]);
        Assert.Null(first["response"]!["headers"]!["content-length"]);
        Assert.Null(first["response"]!["reason"]); // HTTP/2 has no reason phrase; Chrome writes "".
        Assert.Equal(49, (long)first["durationMs"]!);
        Assert.Equal("json", (string?)first["response"]!["body"]!["encoding"]);
        Assert.DoesNotContain("eyJhbGciOiJIUzI1NiJ9", File.ReadAllText(cassette), StringComparison.Ordinal);
        Assert.DoesNotContain("8f14e45fceea167a", File.ReadAllText(cassette), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Firefox_HAR_keeps_form_bodies_redirects_and_rate_limit_headers()
    {
        using var directory = new TempDirectory();
        string cassette = directory.File("firefox.json");

        var result = await HarArchive.ImportAsync(HarFixture.Path("firefox.har"), cassette);

        Assert.Equal(3, result.Imported);
        Assert.Empty(result.Skipped);
        var interactions = HarFixture.Interactions(cassette);
        var search = interactions[0]!;
        Assert.Equal("utf-8", (string?)search["request"]!["body"]!["encoding"]);
        Assert.Equal("q=red+shoes&sort=price", (string?)search["request"]!["body"]!["text"]);
        Assert.Equal(["Accept", "Content-Type", "Host", "Origin", "User-Agent"], search["request"]!["headers"]!.AsObject().Select(h => h.Key));
        Assert.Equal(["content-type", "date", "x-request-id"], search["response"]!["headers"]!.AsObject().Select(h => h.Key));
        Assert.Equal("OK", (string?)search["response"]!["reason"]);
        Assert.Equal(73, (long)search["durationMs"]!);

        using var client = new HttpClient(ReplayHandler.Create(new Cassette(cassette), RecordMode.ReplayOnly)) { };
        using var moved = await client.GetAsync("https://api.shop.example.test/old-search?q=red%20shoes");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("https://api.shop.example.test/search?q=red%20shoes", moved.Headers.Location?.AbsoluteUri);
        using var limited = await client.GetAsync("http://127.0.0.1:5080/inventory/RS-41");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("0", Assert.Single(limited.Headers.GetValues("RateLimit-Remaining")));
    }

    [Fact]
    public async Task A_Fiddler_HAR_keeps_binary_uploads_as_base64_and_drops_framing_headers()
    {
        using var directory = new TempDirectory();
        string cassette = directory.File("fiddler.json");

        var result = await HarArchive.ImportAsync(HarFixture.Path("fiddler.har"), cassette);

        Assert.Equal(3, result.Imported);
        var interactions = HarFixture.Interactions(cassette);
        var upload = interactions[0]!["request"]!;
        Assert.Equal("base64", (string?)upload["body"]!["encoding"]);
        Assert.Equal(Convert.ToBase64String([0, 1, 2, (byte)'A', (byte)'B', (byte)'C']), (string?)upload["body"]!["base64"]);
        Assert.Null(upload["headers"]!["Content-Length"]);
        Assert.Equal(187, (long)interactions[0]!["durationMs"]!);
        Assert.Null(interactions[0]!["response"]!["body"]);
        Assert.Null(interactions[1]!["response"]!["headers"]!["Transfer-Encoding"]);

        using var client = new HttpClient(ReplayHandler.Create(new Cassette(cassette), RecordMode.ReplayOnly));
        Assert.Equal("id,total\n21,19.5\n22,7\n23,12\n", await client.GetStringAsync("http://127.0.0.1:5080/export.csv?from=2026-11-01"));
        // What the client saw through Fiddler is what replays: Fiddler's own 502 for a name that did not resolve.
        using var gateway = await client.GetAsync("http://payments.internal.test/health");
        Assert.Equal(HttpStatusCode.BadGateway, gateway.StatusCode);
        Assert.Equal("Fiddler - DNS Lookup Failed", gateway.ReasonPhrase);
        Assert.StartsWith("[Fiddler] DNS Lookup", await gateway.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Dev_Proxy_HAR_without_timings_or_response_bodies_still_replays_in_order()
    {
        using var directory = new TempDirectory();
        string cassette = directory.File("devproxy.json");

        var result = await HarArchive.ImportAsync(HarFixture.Path("devproxy.har"), cassette);

        Assert.Equal(2, result.Imported);
        Assert.Equal("DevProxy 1.2.0", result.Creator);
        var interactions = HarFixture.Interactions(cassette);
        Assert.Equal(0, (long)interactions[0]!["durationMs"]!);
        Assert.Null(interactions[0]!["response"]!["body"]); // includeResponse: false leaves content without text
        Assert.Equal("[REDACTED]", (string?)interactions[0]!["request"]!["headers"]!["Authorization"]);

        // The same request twice: a 429 then a 200, replayed in that order.
        using var client = new HttpClient(ReplayHandler.Create(new Cassette(cassette), RecordMode.ReplayOnly));
        using var throttled = await client.GetAsync("https://graph.microsoft.com/v1.0/me/messages?$top=5");
        using var served = await client.GetAsync("https://graph.microsoft.com/v1.0/me/messages?$top=5");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("""{"@odata.context":"$metadata#messages","value":[]}""", await served.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_secret_left_in_a_HAR_is_refused_unless_redaction_removes_it()
    {
        using var directory = new TempDirectory();
        string har = directory.File("leaky.har");
        string cassette = directory.File("leaky.json");
        string token = "ghp_" + new string('a', 36);
        await File.WriteAllTextAsync(har, $$"""
            { "log": { "version": "1.2", "creator": { "name": "WebInspector", "version": "537.36" }, "entries": [
              { "startedDateTime": "2026-11-30T14:02:11.123Z", "time": 3,
                "request": { "method": "POST", "url": "https://api.example.test/login", "httpVersion": "HTTP/1.1", "headers": [], "cookies": [], "queryString": [], "headersSize": -1, "bodySize": 2 },
                "response": { "status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [ { "name": "Content-Type", "value": "application/json" } ], "cookies": [],
                  "content": { "size": 50, "mimeType": "application/json", "text": "{\"token\":\"{{token}}\"}" }, "redirectURL": "", "headersSize": -1, "bodySize": -1 },
                "cache": {}, "timings": { "send": 0, "wait": 3, "receive": 0 } } ] } }
            """, Encoding.UTF8); // with a byte order mark, as Windows tools write

        var refused = await Assert.ThrowsAsync<CassetteSecretException>(() => HarArchive.ImportAsync(har, cassette));
        Assert.Contains("GitHub token in response body", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(cassette));

        var options = new CassetteOptions();
        options.Redaction.JsonFields.Add("token");
        await HarArchive.ImportAsync(har, cassette, options);
        Assert.Equal("[REDACTED]", (string?)HarFixture.Interactions(cassette)[0]!["response"]!["body"]!["json"]!["token"]);
    }

    [Theory]
    [InlineData("{ \"log\": { \"entries\": [ }", "is not a valid HAR file at line 1")]
    [InlineData("{ \"version\": 1, \"interactions\": [] }", "needs a \"log\" object with an \"entries\" array")]
    public async Task A_file_that_is_not_HAR_is_refused_naming_the_file(string text, string expected)
    {
        using var directory = new TempDirectory();
        string har = directory.File("bad.har");
        await File.WriteAllTextAsync(har, text);

        var error = await Assert.ThrowsAsync<HarFormatException>(() => HarArchive.ImportAsync(har, directory.File("c.json")));

        Assert.Contains(har, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(har, error.HarPath);
    }
}
