using System.Text.Json;
using FaultLab.Replay.Format;
using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Format;

public sealed class HeadersConverterTests
{
    [Fact]
    public void One_value_is_written_as_a_string_and_several_as_an_array()
    {
        var response = new ResponseRecord { Status = 200, Headers = new() { ["ETag"] = ["\"v1\""], ["Vary"] = ["Accept", "Origin"] } };

        string json = JsonSerializer.Serialize(new CassetteDocument { Interactions = { new() { Request = new() { Uri = "http://127.0.0.1/" }, Response = response } } }, CassetteJson.Document);

        Assert.Contains("\"ETag\": \"\\\"v1\\\"\",", json);
        Assert.Contains("\"Vary\": [\n            \"Accept\",\n            \"Origin\"\n          ]", json);
    }

    [Fact]
    public void Both_shapes_are_read_back_with_case_insensitive_names()
    {
        using var directory = new TempDirectory();
        string path = directory.File("h.json");
        File.WriteAllText(path, """
            { "version": 1, "interactions": [ {
              "request": { "method": "GET", "uri": "http://127.0.0.1/", "headers": { "Accept": "text/plain", "X-Many": ["a", "b"] } },
              "response": { "status": 204 } } ] }
            """);

        var headers = CassetteFile.Load(path).Interactions[0].Request.Headers;

        Assert.Equal(["text/plain"], headers["accept"]);
        Assert.Equal(["a", "b"], headers["X-MANY"]);
    }

    [Fact]
    public void A_header_that_is_neither_string_nor_array_is_reported_with_its_line()
    {
        using var directory = new TempDirectory();
        string path = directory.File("h.json");
        File.WriteAllText(path, "{ \"version\": 1, \"interactions\": [ {\n  \"request\": { \"method\": \"GET\", \"uri\": \"http://127.0.0.1/\",\n    \"headers\": { \"Accept\": 5 } },\n  \"response\": { \"status\": 204 } } ] }");

        var error = Assert.Throws<CassetteFormatException>(() => CassetteFile.Load(path));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("header 'Accept' must be a string or an array of strings", error.Message);
    }
}
