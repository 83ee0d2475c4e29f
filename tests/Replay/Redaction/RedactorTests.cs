using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FaultLab.Replay.Format;
using FaultLab.Replay.Redaction;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Redaction;

public sealed class RedactorTests : IAsyncLifetime
{
    private const string AwsKey = "AKIAABCDEFGHIJKLMNOP";
    private readonly TempDirectory _directory = new();
    private LoopbackDependency _dependency = null!;

    private string CassettePath => _directory.File("secrets.json");

    public async Task InitializeAsync() => _dependency = await LoopbackDependency.StartAsync();

    public async Task DisposeAsync()
    {
        await _dependency.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Secrets_sent_and_received_while_recording_never_reach_the_file_and_the_live_response_keeps_them()
    {
        var options = new CassetteOptions();
        options.Redaction.QueryParameters.Add("api_key");
        options.Redaction.JsonFields.Add("token");
        options.Redaction.JsonFields.Add("password");
        options.Redaction.Headers.Add("X-Api-Key");
        using var client = new HttpClient(ReplayHandler.Create(new Cassette(CassettePath), RecordMode.Record, options))
        {
            BaseAddress = _dependency.BaseAddress,
        };

        using var request = new HttpRequestMessage(HttpMethod.Get, $"session?api_key={AwsKey}&page=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LoopbackDependency.Jwt);
        request.Headers.Add("Cookie", "session=client-cookie-secret");
        request.Headers.Add("X-Api-Key", "custom-header-secret");
        using var response = await client.SendAsync(request);
        using var echo = await client.PostAsync("echo",
            new StringContent($$"""{"login":"ann","password":"p4ss-in-request"}""", Encoding.UTF8, "application/json"));

        // The caller sees the dependency's real answer.
        var live = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(LoopbackDependency.Jwt, live["token"]!.GetValue<string>());
        Assert.Equal("hunter2", live["profile"]!["password"]!.GetValue<string>());
        Assert.Contains("session=s3cr3t-session", response.Headers.GetValues("Set-Cookie").Single());
        Assert.Contains("p4ss-in-request", await echo.Content.ReadAsStringAsync());

        string file = File.ReadAllText(CassettePath);
        foreach (string secret in new[]
                 {
                     LoopbackDependency.Jwt, AwsKey, "client-cookie-secret", "custom-header-secret", "s3cr3t-session", "hunter2",
                     "p4ss-in-request",
                 })
        {
            Assert.DoesNotContain(secret, file);
        }

        Assert.Contains("[REDACTED]", file);
        Assert.Contains("\"city\": \"Oslo\"", file);
        Assert.Contains("page=1", file);
    }

    [Fact]
    public async Task A_redacted_request_still_matches_its_recording()
    {
        var options = new CassetteOptions();
        options.Redaction.QueryParameters.Add("api_key");
        options.Matching.MatchAllHeaders = true;
        using (var recorder = new HttpClient(ReplayHandler.Create(new Cassette(CassettePath), RecordMode.Record, options)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_dependency.BaseAddress, "hello?api_key=first-key"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "first-token");
            (await recorder.SendAsync(request)).Dispose();
        }

        await _dependency.StopAsync();
        using var replay = new HttpClient(ReplayHandler.Create(new Cassette(CassettePath), RecordMode.ReplayOnly, options));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(_dependency.BaseAddress, "hello?api_key=second-key"));
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "second-token");
        using var response = await replay.SendAsync(again);
        Assert.Equal("hello, world", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Form_bodies_are_redacted_like_queries()
    {
        var settings = new CassetteRedaction();
        settings.QueryParameters.Add("client_secret");
        var request = new RequestRecord
        {
            Uri = "http://127.0.0.1/token",
            Headers = new() { ["Content-Type"] = ["application/x-www-form-urlencoded"] },
            Body = new BodyRecord { Encoding = BodyRecord.TextEncoding, Text = "grant_type=client_credentials&client_secret=abc123" },
        };

        new Redactor(settings).Redact(request);

        Assert.Equal("grant_type=client_credentials&client_secret=%5BREDACTED%5D", request.Body.Text);
    }

    [Fact]
    public void Default_headers_are_redacted_in_both_directions()
    {
        var redactor = new Redactor(new CassetteRedaction());
        var request = new RequestRecord
        {
            Uri = "http://127.0.0.1/",
            Headers = new() { ["authorization"] = ["Basic abc"], ["Proxy-Authorization"] = ["x"], ["Cookie"] = ["a=b"], ["Accept"] = ["*/*"] },
        };
        var response = new ResponseRecord { Status = 200, Headers = new() { ["Set-Cookie"] = ["a=b", "c=d"] } };

        redactor.Redact(request);
        redactor.Redact(response);

        Assert.Equal(["[REDACTED]"], request.Headers["authorization"]);
        Assert.Equal(["[REDACTED]"], request.Headers["Proxy-Authorization"]);
        Assert.Equal(["[REDACTED]"], request.Headers["Cookie"]);
        Assert.Equal(["*/*"], request.Headers["Accept"]);
        Assert.Equal(["[REDACTED]"], response.Headers["Set-Cookie"]);
    }

    [Theory]
    [InlineData("https://alice:s3cret@api.example.com/x?y=1")]
    [InlineData("https://s3cret@api.example.com/x?y=1")]
    public void Credentials_in_the_url_never_reach_the_cassette(string uri)
    {
        // No query parameter is configured: the userinfo must be redacted anyway, it is a credential by definition.
        var request = new RequestRecord { Uri = uri };

        new Redactor(new CassetteRedaction()).Redact(request);

        Assert.DoesNotContain("s3cret", request.Uri, StringComparison.Ordinal);
        Assert.StartsWith("https://", request.Uri, StringComparison.Ordinal);
        Assert.EndsWith("@api.example.com/x?y=1", request.Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"user":"ann","password":"hunter2","password":"hunter2"}""")]   // duplicate names: not parsed as JSON
    [InlineData("""{"user":"ann","password":"hunter2",}""")]                        // trailing comma
    [InlineData("""{"user":"ann", "auth": {"password" : "hunter2"}""")]             // truncated
    public void Json_fields_are_redacted_even_when_the_json_body_could_not_be_parsed(string json)
    {
        var settings = new CassetteRedaction();
        settings.JsonFields.Add("password");
        var request = new RequestRecord
        {
            Uri = "http://127.0.0.1/login",
            Headers = new() { ["Content-Type"] = ["application/json; charset=utf-8"] },
            Body = BodyCodec.Encode(Encoding.UTF8.GetBytes(json), "application/json"),
        };

        new Redactor(settings).Redact(request);

        Assert.DoesNotContain("hunter2", BodyCodec.AsText(request.Body), StringComparison.Ordinal);
        Assert.Contains("ann", BodyCodec.AsText(request.Body), StringComparison.Ordinal);
    }
}
