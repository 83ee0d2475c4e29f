using System.Text.Json;
using FaultLab.Replay.Format;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Format;

public sealed class CassetteFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string CassettePath => _directory.File("cassette.json");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Broken_json_is_reported_with_the_file_line_and_byte()
    {
        File.WriteAllText(CassettePath, "{\n  \"version\": 1,\n  \"interactions\": [ { \"request\": } ]\n}\n");

        var error = Assert.Throws<CassetteFormatException>(() => CassetteFile.Load(CassettePath));

        Assert.Equal(CassettePath, error.CassettePath);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(34, error.BytePositionInLine);
        Assert.Contains($"'{CassettePath}'", error.Message);
        Assert.Contains("line 3, byte 34", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_corrupt_cassette_fails_the_replayed_request_with_the_same_error()
    {
        File.WriteAllText(CassettePath, "{ \"version\": 1, \"interactions\": [");
        using var client = new HttpClient(ReplayHandler.Create(new Cassette(CassettePath), RecordMode.ReplayOnly));

        var error = await Assert.ThrowsAsync<CassetteFormatException>(() => client.GetAsync("http://127.0.0.1:1/"));
        Assert.Equal(1, error.LineNumber);
    }

    [Theory]
    [InlineData("""{"version":2,"interactions":[]}""", "format version 2")]
    [InlineData("""{"version":1,"interactions":[{"request":{"method":"GET","uri":"/relative"},"response":{"status":200}}]}""", "interaction 0: request uri '/relative'")]
    [InlineData("""{"version":1,"interactions":[{"request":{"method":"GET","uri":"http://127.0.0.1/"},"response":{"status":200,"body":{"encoding":"gzip"}}}]}""", "interaction 0, response body: unknown encoding 'gzip'")]
    [InlineData("""{"version":1,"interactions":[{"request":{"method":"GET","uri":"http://127.0.0.1/"}}]}""", "interaction 0: needs both a request and a response")]
    public void Json_that_is_not_a_cassette_is_reported_with_the_interaction(string json, string expected)
    {
        File.WriteAllText(CassettePath, json);

        var error = Assert.Throws<CassetteFormatException>(() => CassetteFile.Load(CassettePath));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(599, true)]
    [InlineData(600, false)]
    public void The_response_status_must_be_an_http_status(int status, bool valid)
    {
        File.WriteAllText(CassettePath, """{"version":1,"interactions":[{"request":{"uri":"http://127.0.0.1/"},"response":{"status":200}},{"request":{"uri":"https://127.0.0.1/"},"response":{"status":"""
            + status + "}}]}");

        if (valid)
        {
            Assert.Equal(status, CassetteFile.Load(CassettePath).Interactions[1].Response.Status);
        }
        else
        {
            var error = Assert.Throws<CassetteFormatException>(() => CassetteFile.Load(CassettePath));
            Assert.Equal($"Cassette '{CassettePath}', interaction 1: response status {status} is not an HTTP status.", error.Message);
            Assert.Null(error.LineNumber);
        }
    }

    [Theory]
    [InlineData("""{"request":{"uri":"ftp://127.0.0.1/"},"response":{"status":200}}""", "interaction 0: request uri 'ftp://127.0.0.1/' is not an absolute http(s) URL.")]
    [InlineData("""{"request":{"uri":"/tmp/x"},"response":{"status":200}}""", "interaction 0: request uri '/tmp/x' is not an absolute http(s) URL.")]
    [InlineData("""null""", "interaction 0: needs both a request and a response.")]
    [InlineData("""{"response":{"status":200}}""", "interaction 0: needs both a request and a response.")]
    [InlineData("""{"request":{"uri":"http://127.0.0.1/","body":{"encoding":"base64","base64":"not base64!"}},"response":{"status":200}}""", "interaction 0, request body: 'base64' is not valid base64.")]
    [InlineData("""{"request":{"uri":"http://127.0.0.1/"},"response":{"status":200,"body":{"encoding":"base64"}}}""", "interaction 0, response body: 'base64' is not valid base64.")]
    [InlineData("""{"request":{"uri":"http://127.0.0.1/"},"response":{"status":200,"body":{"encoding":"gzip"}}}""", "interaction 0, response body: unknown encoding 'gzip' (expected 'json', 'utf-8' or 'base64').")]
    public void Each_broken_interaction_is_named_with_the_exact_reason(string interaction, string expected)
    {
        File.WriteAllText(CassettePath, """{"version":1,"interactions":[""" + interaction + "]}");

        var error = Assert.Throws<CassetteFormatException>(() => CassetteFile.Load(CassettePath));
        Assert.Equal($"Cassette '{CassettePath}', {expected}", error.Message);
    }

    [Fact]
    public void Valid_bodies_of_every_encoding_load()
    {
        File.WriteAllText(CassettePath, """
            {"version":1,"interactions":[{"request":{"uri":"http://127.0.0.1/","body":{"encoding":"base64","base64":"AAEC"}},
              "response":{"status":200,"body":{"encoding":"json","json":{"a":1}}}},
              {"request":{"uri":"http://127.0.0.1/"},"response":{"status":200,"body":{"encoding":"utf-8","text":"t"}}}]}
            """);

        var document = CassetteFile.Load(CassettePath);

        Assert.Equal([0, 1, 2], BodyCodec.Decode(document.Interactions[0].Request.Body));
        Assert.Equal("t", BodyCodec.AsText(document.Interactions[1].Response.Body));
    }

    [Fact]
    public void A_cassette_holding_json_null_says_so()
    {
        File.WriteAllText(CassettePath, "null");

        var error = Assert.Throws<CassetteFormatException>(() => CassetteFile.Load(CassettePath));
        Assert.Equal($"Cassette '{CassettePath}' holds JSON null instead of a cassette object.", error.Message);
    }

    [Fact]
    public async Task Readers_never_see_a_half_written_cassette()
    {
        var document = new CassetteDocument();
        await CassetteFile.SaveAsync(CassettePath, document);
        bool writing = true;
        int reads = 0;
        var reader = Task.Run(() =>
        {
            while (Volatile.Read(ref writing))
            {
                // Every read must parse: the rename swaps whole files.
                Assert.NotNull(CassetteFile.Load(CassettePath));
                reads++;
            }
        });

        for (int i = 0; i < 200; i++)
        {
            document.Interactions.Add(Interaction(i, new string('x', 2000)));
            await CassetteFile.SaveAsync(CassettePath, document);
        }

        Volatile.Write(ref writing, false);
        await reader;
        Assert.True(reads > 0);
        Assert.Equal(200, CassetteFile.Load(CassettePath).Interactions.Count);
        Assert.Equal([CassettePath], Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public async Task A_failed_write_leaves_no_temporary_file_behind()
    {
        Directory.CreateDirectory(CassettePath);

        await Assert.ThrowsAnyAsync<IOException>(() => CassetteFile.SaveAsync(CassettePath, new CassetteDocument()));
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public async Task Saving_is_stable_and_diff_friendly()
    {
        var document = new CassetteDocument { Interactions = { Interaction(1, "a") } };
        await CassetteFile.SaveAsync(CassettePath, document);
        byte[] first = File.ReadAllBytes(CassettePath);
        await CassetteFile.SaveAsync(CassettePath, CassetteFile.Load(CassettePath));

        Assert.Equal(first, File.ReadAllBytes(CassettePath));
        string text = File.ReadAllText(CassettePath);
        Assert.DoesNotContain("\r", text);
        Assert.Contains("\n      \"request\": {\n", text);
    }

    private static Interaction Interaction(int id, string text) => new()
    {
        Request = new RequestRecord { Method = "GET", Uri = $"http://127.0.0.1/items/{id}" },
        Response = new ResponseRecord { Status = 200, Body = new BodyRecord { Encoding = BodyRecord.TextEncoding, Text = text } },
        DurationMs = 3,
    };
}
