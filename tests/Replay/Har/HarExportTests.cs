using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Har;

public sealed class HarExportTests
{
    [Fact]
    public async Task Every_field_HAR_1_2_requires_is_present_with_headers_as_name_value_lists()
    {
        using var directory = new TempDirectory();
        string cassette = await RecordAsync(directory.File("c.json"));
        string har = directory.File("c.har");

        await HarArchive.ExportAsync(cassette, har);

        var log = JsonNode.Parse(File.ReadAllText(har))!["log"]!;
        Assert.Equal("1.2", (string?)log["version"]);
        Assert.Equal("FaultLab", (string?)log["creator"]!["name"]);
        Assert.NotNull((string?)log["creator"]!["version"]);
        var entries = log["entries"]!.AsArray();
        Assert.Equal(4, entries.Count);
        foreach (var entry in entries.Select(e => e!.AsObject()))
        {
            Assert.True(DateTimeOffset.TryParse((string?)entry["startedDateTime"], out _));
            Assert.Equal((double)entry["timings"]!["wait"]!, (double)entry["time"]!);
            foreach (string phase in new[] { "blocked", "dns", "connect", "send", "wait", "receive", "ssl" })
            {
                Assert.NotNull(entry["timings"]![phase]);
            }

            Assert.NotNull(entry["cache"]);
            var request = entry["request"]!.AsObject();
            foreach (string field in new[] { "method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize" })
            {
                Assert.True(request.ContainsKey(field), $"request.{field}");
            }

            var response = entry["response"]!.AsObject();
            foreach (string field in new[] { "status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize" })
            {
                Assert.True(response.ContainsKey(field), $"response.{field}");
            }

            Assert.NotNull(response["content"]!["size"]);
            Assert.NotNull(response["content"]!["mimeType"]);
            Assert.All(request["headers"]!.AsArray().Concat(response["headers"]!.AsArray()), h =>
            {
                Assert.Equal(["name", "value"], h!.AsObject().Select(p => p.Key));
            });
        }

        var post = entries[0]!;
        Assert.Equal("POST", (string?)post["request"]!["method"]);
        Assert.Equal("HTTP/1.1", (string?)post["request"]!["httpVersion"]);
        Assert.Equal([("b", "2"), ("a", "x y")], post["request"]!["queryString"]!.AsArray().Select(q => ((string)q!["name"]!, (string)q["value"]!)));
        Assert.Equal("""{"item":"book"}""", (string?)post["request"]!["postData"]!["text"]);
        Assert.Equal(15, (long)post["request"]!["bodySize"]!);
        Assert.Equal(201, (int)post["response"]!["status"]!);
        Assert.Equal("Created", (string?)post["response"]!["statusText"]);
        Assert.Equal("/orders/42", (string?)post["response"]!["redirectURL"]);
        Assert.Equal(9, (long)post["response"]!["content"]!["size"]!); // {"id":42}: JSON is stored, and so sent, compact
        // Two values of one header are two entries, as DevTools lists them.
        Assert.Equal(["a", "b"], post["response"]!["headers"]!.AsArray().Where(h => (string?)h!["name"] == "X-Tag").Select(h => (string?)h!["value"]));
        long headersSize = (long)post["response"]!["headersSize"]!;
        Assert.Equal(Encoding.UTF8.GetByteCount("HTTP/1.1 201 Created\r\n"
            + "Content-Type: application/json; charset=utf-8\r\nLocation: /orders/42\r\nX-Tag: a\r\nX-Tag: b\r\n\r\n"), headersSize);

        var logo = entries[2]!;
        Assert.Equal("base64", (string?)logo["response"]!["content"]!["encoding"]);
        Assert.Equal("image/png", (string?)logo["response"]!["content"]!["mimeType"]);
        var upload = entries[3]!;
        Assert.Equal("base64", (string?)upload["request"]!["postData"]!["_encoding"]);
        Assert.Equal(Convert.ToBase64String([0, 255, 7]), (string?)upload["request"]!["postData"]!["text"]);
    }

    [Fact]
    public async Task Cassette_to_HAR_to_cassette_loses_nothing_the_cassette_holds()
    {
        using var directory = new TempDirectory();
        string original = await RecordAsync(directory.File("original.json"));
        string har = directory.File("exported.har");
        string reimported = directory.File("reimported.json");

        await HarArchive.ExportAsync(original, har);
        var result = await HarArchive.ImportAsync(har, reimported);

        Assert.Equal(4, result.Imported);
        Assert.Empty(result.Skipped);
        Assert.Equal(File.ReadAllText(original), File.ReadAllText(reimported));
    }

    [Fact]
    public async Task Export_redacts_exactly_as_recording_does_and_leaves_the_cassette_as_it_was()
    {
        using var directory = new TempDirectory();
        string cassette = directory.File("c.json");
        // Recorded with no redaction of these names: exporting for sharing is when they must go.
        string written = """
            {
              "version": 1,
              "interactions": [
                {
                  "request": {
                    "method": "POST",
                    "uri": "https://api.example.test/login?api_key=k-123&page=1",
                    "headers": {
                      "Cookie": "session=s-456",
                      "X-Api-Key": "k-123"
                    },
                    "body": { "encoding": "json", "json": { "user": "ann", "password": "p-789" } }
                  },
                  "response": {
                    "status": 200,
                    "reason": "OK",
                    "headers": { "Content-Type": "application/json" },
                    "body": { "encoding": "json", "json": { "session": { "token": "t-000" } } }
                  },
                  "durationMs": 5
                }
              ]
            }
            """;
        await File.WriteAllTextAsync(cassette, written);
        var options = new CassetteOptions();
        options.Redaction.Headers.Add("X-Api-Key");
        options.Redaction.QueryParameters.Add("api_key");
        options.Redaction.JsonFields.Add("password");
        options.Redaction.JsonFields.Add("session.token");
        string har = directory.File("c.har");

        await HarArchive.ExportAsync(cassette, har, options);

        string text = File.ReadAllText(har);
        foreach (string secret in new[] { "k-123", "s-456", "p-789", "t-000" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var entry = HarFixture.Entry(har, 0);
        Assert.Equal("https://api.example.test/login?api_key=%5BREDACTED%5D&page=1", (string?)entry["request"]!["url"]);
        Assert.Equal("[REDACTED]", (string?)entry["request"]!["queryString"]![0]!["value"]);
        Assert.Empty(entry["request"]!["cookies"]!.AsArray()); // the redacted Cookie header holds no name=value pair
        Assert.Equal("""{"user":"ann","password":"[REDACTED]"}""", (string?)entry["request"]!["postData"]!["text"]);
        Assert.Equal("""{"session":{"token":"[REDACTED]"}}""", (string?)entry["response"]!["content"]!["text"]);
        Assert.Equal(written, File.ReadAllText(cassette));
    }

    [Fact]
    public async Task Export_refuses_to_write_a_secret_shape_that_redaction_left()
    {
        using var directory = new TempDirectory();
        string cassette = directory.File("c.json");
        string key = "AKIA" + new string('Q', 16);
        await File.WriteAllTextAsync(cassette, $$"""
            { "version": 1, "interactions": [ {
              "request": { "method": "GET", "uri": "https://s3.example.test/b", "headers": { "X-Amz-Key": "{{key}}" } },
              "response": { "status": 200, "headers": {} }, "durationMs": 1 } ] }
            """);
        string har = directory.File("c.har");

        var refused = await Assert.ThrowsAsync<CassetteSecretException>(() => HarArchive.ExportAsync(cassette, har));

        Assert.Contains("AWS access key id in request header 'X-Amz-Key'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(har, refused.CassettePath);
        Assert.False(File.Exists(har));
    }

    /// <summary>Records four exchanges through the real recorder, so the cassette is exactly what recording writes.</summary>
    private static async Task<string> RecordAsync(string path)
    {
        var network = new Answers();
        using var client = new HttpClient(ReplayHandler.Create(new Cassette(path), RecordMode.Record, network: network));
        using (var created = await client.PostAsync("http://127.0.0.1:5080/orders?b=2&a=x%20y", new StringContent("""{"item":"book"}""", Encoding.UTF8, "application/json")))
        {
            created.EnsureSuccessStatusCode();
        }

        await client.GetStringAsync("http://127.0.0.1:5080/notes.txt");
        await client.GetByteArrayAsync("http://127.0.0.1:5080/logo.png");
        var upload = new ByteArrayContent([0, 255, 7]);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using (await client.PutAsync("http://127.0.0.1:5080/blob", upload))
        {
        }

        return path;
    }

    private sealed class Answers : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = request.RequestUri!.AbsolutePath switch
            {
                "/orders" => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"id": 42}""", Encoding.UTF8, "application/json") },
                "/notes.txt" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("line 1\nline 2\n") },
                "/logo.png" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([137, 80, 78, 71, 13, 10, 26, 10]) },
                _ => new HttpResponseMessage(HttpStatusCode.NoContent),
            };
            if (request.RequestUri.AbsolutePath == "/orders")
            {
                response.Headers.Location = new Uri("/orders/42", UriKind.Relative);
                response.Headers.Add("X-Tag", ["a", "b"]);
            }

            if (request.RequestUri.AbsolutePath == "/logo.png")
            {
                response.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            }

            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
