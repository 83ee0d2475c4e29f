using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FaultLab.Replay.Format;
using FaultLab.Replay.Redaction;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Redaction;

public sealed class RedactorTests : LoopbackTest
{
    private const string AwsKey = "AKIAABCDEFGHIJKLMNOP";

    private string CassettePath => Files.File("secrets.json");

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
            BaseAddress = Dependency.BaseAddress,
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
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Dependency.BaseAddress, "hello?api_key=first-key"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "first-token");
            (await recorder.SendAsync(request)).Dispose();
        }

        await Dependency.StopAsync();
        using var replay = new HttpClient(ReplayHandler.Create(new Cassette(CassettePath), RecordMode.ReplayOnly, options));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(Dependency.BaseAddress, "hello?api_key=second-key"));
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

    [Fact]
    public void A_url_without_credentials_is_written_exactly_as_sent_and_one_with_credentials_keeps_only_the_placeholder()
    {
        var plain = new RequestRecord { Uri = "http://127.0.0.1:5000/a/b?q=a%20b&flag" };
        var withUser = new RequestRecord { Uri = "https://alice:s3cret@api.example.com/x?y=1" };
        var redactor = new Redactor(new CassetteRedaction { Placeholder = "HIDDEN" });

        redactor.Redact(plain);
        redactor.Redact(withUser);

        Assert.Equal("http://127.0.0.1:5000/a/b?q=a%20b&flag", plain.Uri);
        Assert.Equal("https://HIDDEN@api.example.com/x?y=1", withUser.Uri);
    }

    [Fact]
    public void Query_parameters_named_by_the_user_and_the_well_known_names_are_both_redacted_in_any_case()
    {
        var settings = new CassetteRedaction { Placeholder = "P" };
        settings.QueryParameters.Add("signature");
        var request = new RequestRecord { Uri = "http://127.0.0.1/a?SIGNATURE=s1&Access_Token=t1&page=2" };

        new Redactor(settings).Redact(request);

        Assert.Equal("http://127.0.0.1/a?SIGNATURE=P&Access_Token=P&page=2", request.Uri);
    }

    [Fact]
    public void Switching_the_well_known_names_off_leaves_them_everywhere_and_keeps_the_users_own_lists()
    {
        var settings = new CassetteRedaction { RedactWellKnownSecrets = false, Placeholder = "P" };
        settings.QueryParameters.Add("signature");
        settings.JsonFields.Add("pin");
        var request = new RequestRecord
        {
            Uri = "http://127.0.0.1/a?token=t1&signature=s1",
            Headers = new() { ["Content-Type"] = ["application/json"] },
            Body = BodyCodec.Encode("""{"token":"t2","pin":"1234"}"""u8.ToArray(), "application/json"),
        };
        var form = new RequestRecord
        {
            Uri = "http://127.0.0.1/form",
            Headers = new() { ["Content-Type"] = ["application/x-www-form-urlencoded"] },
            Body = new BodyRecord { Text = "token=t3&signature=s2" },
        };

        var redactor = new Redactor(settings);
        redactor.Redact(request);
        redactor.Redact(form);

        Assert.Equal("http://127.0.0.1/a?token=t1&signature=P", request.Uri);
        Assert.Equal("""{"token":"t2","pin":"P"}""", BodyCodec.AsText(request.Body));
        Assert.Equal("token=t3&signature=P", form.Body!.Text);
    }

    [Fact]
    public void Response_json_bodies_are_redacted_by_field_and_by_well_known_name_and_keep_the_rest()
    {
        var settings = new CassetteRedaction();
        settings.JsonFields.Add("$.profile.ssn");
        var response = new ResponseRecord
        {
            Status = 200,
            Headers = new() { ["Content-Type"] = ["application/json"], ["Set-Cookie"] = ["id=1"] },
            Body = BodyCodec.Encode("""{"Access_Token":"a1","profile":{"ssn":"123","name":"ann"},"ssn":"keep"}"""u8.ToArray(), "application/json"),
        };

        new Redactor(settings).Redact(response);

        Assert.Equal("""{"Access_Token":"[REDACTED]","profile":{"ssn":"[REDACTED]","name":"ann"},"ssn":"keep"}""", BodyCodec.AsText(response.Body));
        Assert.Equal(["[REDACTED]"], response.Headers["Set-Cookie"]);
        Assert.Equal(["application/json"], response.Headers["Content-Type"]);
    }

    [Fact]
    public void Unparsed_response_json_is_redacted_as_text_too()
    {
        var settings = new CassetteRedaction();
        settings.JsonFields.Add("pin");
        var response = new ResponseRecord
        {
            Status = 200,
            Headers = new() { ["Content-Type"] = ["application/json"] },
            Body = new BodyRecord { Text = """{"pin":"1234","token":"t1","pin":"5678","ok":true""" },
        };

        new Redactor(settings).Redact(response);

        Assert.Equal("""{"pin":"[REDACTED]","token":"[REDACTED]","pin":"[REDACTED]","ok":true""", response.Body!.Text);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8")]
    public void A_form_body_is_recognised_by_its_content_type_in_any_case(string contentType)
    {
        var request = new RequestRecord
        {
            Uri = "http://127.0.0.1/token",
            Headers = new() { ["Content-Type"] = [contentType] },
            Body = new BodyRecord { Text = "user=ann&password=hunter2" },
        };

        new Redactor(new CassetteRedaction()).Redact(request);

        Assert.Equal("user=ann&password=%5BREDACTED%5D", request.Body!.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/vnd.api+json")]
    public void Json_sent_as_text_is_redacted_whatever_content_type_it_claims(string? contentType)
    {
        // A JSON body sent as text/plain (sendBeacon, some SDKs) is stored as text: its fields are still secrets.
        var request = new RequestRecord
        {
            Uri = "http://127.0.0.1/login",
            Headers = contentType is null ? new() : new() { ["Content-Type"] = [contentType] },
            Body = new BodyRecord { Text = """  {"user":"ann","password":"hunter2"}""" },
        };

        new Redactor(new CassetteRedaction()).Redact(request);

        Assert.Equal("""  {"user":"ann","password":"[REDACTED]"}""", BodyCodec.AsText(request.Body));
    }

    [Fact]
    public void Plain_text_that_is_not_json_is_left_alone()
    {
        var request = new RequestRecord
        {
            Uri = "http://127.0.0.1/note",
            Headers = new() { ["Content-Type"] = ["text/plain"] },
            Body = new BodyRecord { Text = "password=\"hunter2\" is what the form said" },
        };

        new Redactor(new CassetteRedaction()).Redact(request);

        Assert.Equal("password=\"hunter2\" is what the form said", request.Body!.Text);
    }

    [Fact]
    public void Only_the_configured_headers_count_as_redacted()
    {
        var settings = new CassetteRedaction();
        settings.Headers.Add("X-Api-Key");
        var redactor = new Redactor(settings);

        Assert.True(redactor.IsRedactedHeader("x-api-key"));
        Assert.True(redactor.IsRedactedHeader("Authorization"));
        Assert.False(redactor.IsRedactedHeader("Accept"));
    }

    [Fact]
    public void Json_labelled_json_is_redacted_as_text_even_behind_a_prefix_and_among_several_content_types()
    {
        // An anti-XSSI prefix makes the body unparsable and hides its brace; the label still says JSON.
        var request = new RequestRecord
        {
            Uri = "http://127.0.0.1/login",
            Headers = new() { ["Content-Type"] = ["text/plain", "application/json"] },
            Body = new BodyRecord { Text = ")]}'\n{\"password\":\"hunter2\"}" },
        };
        var form = new RequestRecord
        {
            Uri = "http://127.0.0.1/token",
            Headers = new() { ["Content-Type"] = ["text/plain", "application/x-www-form-urlencoded"] },
            Body = new BodyRecord { Text = "password=hunter2" },
        };

        var redactor = new Redactor(new CassetteRedaction());
        redactor.Redact(request);
        redactor.Redact(form);

        Assert.Equal(")]}'\n{\"password\":\"[REDACTED]\"}", request.Body!.Text);
        Assert.Equal("password=%5BREDACTED%5D", form.Body!.Text);
    }
}
