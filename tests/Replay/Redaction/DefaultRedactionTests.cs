using System.Text;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Redaction;

/// <summary>
/// With no redaction configured, the well-known secret names (any case) never reach a cassette from a query string,
/// a form body or a JSON body; <see cref="CassetteRedaction.RedactWellKnownSecrets"/> = false is the explicit opt-out.
/// </summary>
public sealed class DefaultRedactionTests : LoopbackTest
{
    public static TheoryData<string> Names() => [.. CassetteRedaction.WellKnownSecretNames];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_well_known_name_in_any_case_is_redacted_by_default_in_query_and_json(string name)
    {
        string path = Files.File($"{name}.json");
        string upper = name.ToUpperInvariant();
        string mixed = char.ToUpperInvariant(name[0]) + name[1..];
        using (var client = Client(path, new CassetteOptions()))
        {
            using var query = await client.GetAsync($"hello?{name}=q-{name}-1&{upper}=q-{name}-2&page=7");
            using var json = await client.PostAsync("echo", new StringContent(
                $$$"""{"user":"ann","{{{name}}}":"j-{{{name}}}-1","nested":{"{{{upper}}}":"j-{{{name}}}-2","items":[{"{{{mixed}}}":"j-{{{name}}}-3"}]}}""",
                Encoding.UTF8, "application/json"));
            using var form = await client.PostAsync("echo", new FormUrlEncodedContent([new("user", "ann"), new(mixed, $"f-{name}-1")]));

            // The caller still gets the real values: redaction only changes the file.
            Assert.Contains($"j-{name}-3", await json.Content.ReadAsStringAsync());
        }

        string file = File.ReadAllText(path);
        foreach (string secret in new[] { "q-", "j-", "f-" }.SelectMany(p => new[] { 1, 2, 3 }.Select(i => $"{p}{name}-{i}")))
        {
            Assert.DoesNotContain(secret, file);
        }

        Assert.Contains("page=7", file);            // what is not a secret is kept
        Assert.Contains("\"user\": \"ann\"", file);
        Assert.Contains("[REDACTED]", file);
    }

    [Fact]
    public async Task Opting_out_keeps_the_values_and_the_users_own_lists_still_apply()
    {
        string path = Files.File("opt-out.json");
        var options = new CassetteOptions();
        options.Redaction.RedactWellKnownSecrets = false;
        options.Redaction.QueryParameters.Add("signature");
        using (var client = Client(path, options))
        {
            using var query = await client.GetAsync("hello?api_key=public-fixture-key&signature=sig-123");
            using var json = await client.PostAsync("echo", new StringContent("""{"password":"public-fixture-password"}""", Encoding.UTF8, "application/json"));
        }

        string file = File.ReadAllText(path);
        Assert.Contains("api_key=public-fixture-key", file);
        Assert.Contains("public-fixture-password", file);
        Assert.DoesNotContain("sig-123", file);
        Assert.True(new CassetteOptions().Redaction.RedactWellKnownSecrets); // on unless switched off
    }

    [Fact]
    public async Task Json_posted_as_text_plain_keeps_its_password_out_of_the_cassette_in_both_directions()
    {
        string path = Files.File("text-plain.json");
        using (var client = Client(path, new CassetteOptions()))
        {
            using var echo = await client.PostAsync("echo", new StringContent("""{"user":"ann","password":"beacon-secret"}""", Encoding.UTF8, "text/plain"));
            Assert.Equal("""{"user":"ann","password":"beacon-secret"}""", await echo.Content.ReadAsStringAsync());
        }

        string file = File.ReadAllText(path);
        Assert.DoesNotContain("beacon-secret", file);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(file, System.Text.RegularExpressions.Regex.Escape("\\\"password\\\":\\\"[REDACTED]\\\"")));
    }

    [Fact]
    public async Task A_redacted_query_still_replays_its_recording()
    {
        string path = Files.File("replay.json");
        using (var recorder = Client(path, new CassetteOptions()))
        {
            using var recorded = await recorder.GetAsync("hello?access_token=live-token-1");
        }

        int hits = Dependency.Hits;
        using var replayer = new HttpClient(ReplayHandler.Create(new Cassette(path), RecordMode.ReplayOnly, new CassetteOptions()))
        {
            BaseAddress = Dependency.BaseAddress,
        };
        using var replayed = await replayer.GetAsync("hello?access_token=another-token");

        Assert.Equal(hits, Dependency.Hits); // answered from the cassette
        Assert.Equal("hello, world", await replayed.Content.ReadAsStringAsync());
    }

    private HttpClient Client(string path, CassetteOptions options) =>
        new(ReplayHandler.Create(new Cassette(path), RecordMode.Record, options)) { BaseAddress = Dependency.BaseAddress };
}
