using FaultLab.Replay.Format;
using FaultLab.Replay.Redaction;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Redaction;

public sealed class SecretScannerTests
{
    [Theory]
    [InlineData(LoopbackDependency.Jwt, "JSON Web Token")]
    [InlineData("key=AKIAIOSFODNN7EXAMPLE", "AWS access key id")]
    [InlineData("ghp_0123456789abcdefghijklmnopqrstuvwxyz", "GitHub token")]
    [InlineData("xoxb-1234567890-abcdef", "Slack token")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIE", "private key block")]
    [InlineData("-----BEGIN PRIVATE KEY-----", "private key block")]
    public void Well_known_secret_shapes_are_found_without_repeating_them(string secret, string kind)
    {
        var findings = SecretScanner.Scan(WithResponseBody(secret));

        string finding = Assert.Single(findings);
        Assert.StartsWith($"{kind} in response body", finding);
        Assert.DoesNotContain(secret, finding);
    }

    [Fact]
    public void Findings_name_the_header_they_are_in()
    {
        var interaction = WithResponseBody("fine");
        interaction.Request.Headers["X-Debug"] = ["AKIAIOSFODNN7EXAMPLE"];

        Assert.StartsWith("AWS access key id in request header 'X-Debug'", Assert.Single(SecretScanner.Scan(interaction)));
    }

    [Fact]
    public void Every_place_is_scanned_and_named_with_only_the_first_six_characters()
    {
        var interaction = new Interaction
        {
            Request = new RequestRecord
            {
                Uri = "http://127.0.0.1/a?key=AKIAIOSFODNN7EXAMPLE",
                Headers = new() { ["X-Token"] = ["fine", "xoxb-1234567890-abcdef"] },
                Body = new BodyRecord { Text = "ghp_0123456789abcdefghijklmnopqrstuvwxyz" },
            },
            Response = new ResponseRecord
            {
                Status = 200,
                Headers = new() { ["X-Key"] = ["-----BEGIN PRIVATE KEY-----"] },
                Body = new BodyRecord { Encoding = BodyRecord.JsonEncoding, Json = System.Text.Json.Nodes.JsonNode.Parse($$"""{"t":"{{LoopbackDependency.Jwt}}"}""") },
            },
        };

        Assert.Equal(
            [
                "AWS access key id in request URL (AKIAIO…)",
                "Slack token in request header 'X-Token' (xoxb-1…)",
                "GitHub token in request body (ghp_01…)",
                "private key block in response header 'X-Key' (-----B…)",
                $"JSON Web Token in response body ({LoopbackDependency.Jwt[..6]}…)",
            ],
            SecretScanner.Scan(interaction));
    }

    [Fact]
    public void One_text_holding_two_shapes_gives_two_findings()
    {
        Assert.Equal(
            ["AWS access key id in response body (AKIAIO…)", "GitHub token in response body (ghp_01…)"],
            SecretScanner.Scan(WithResponseBody("AKIAIOSFODNN7EXAMPLE ghp_0123456789abcdefghijklmnopqrstuvwxyz")));
    }

    [Fact]
    public void Ordinary_traffic_passes()
    {
        Assert.Empty(SecretScanner.Scan(WithResponseBody("{\"id\":\"AKIA\",\"note\":\"eyJ is how JSON starts in base64\"}")));
    }

    [Fact]
    public async Task A_secret_nobody_redacted_fails_the_request_and_leaves_the_cassette_unwritten()
    {
        using var directory = new TempDirectory();
        await using var dependency = await LoopbackDependency.StartAsync();
        string path = directory.File("leaky.json");
        using var client = new HttpClient(ReplayHandler.Create(new Cassette(path), RecordMode.Record)) { BaseAddress = dependency.BaseAddress };

        var error = await Assert.ThrowsAsync<CassetteSecretException>(() => client.GetStringAsync("leaky"));

        Assert.Equal(path, error.CassettePath);
        Assert.StartsWith("GitHub token in response body", Assert.Single(error.Findings));
        Assert.False(File.Exists(path));
    }

    private static Interaction WithResponseBody(string text) => new()
    {
        Request = new RequestRecord { Uri = "http://127.0.0.1/" },
        Response = new ResponseRecord { Status = 200, Body = new BodyRecord { Encoding = BodyRecord.TextEncoding, Text = text } },
    };
}
