using System.Text.Json.Nodes;
using FaultLab.Replay.Redaction;

namespace FaultLab.Replay.Tests.Redaction;

public sealed class JsonRedactorTests
{
    private const string Document = """
        {"token":"t0","user":{"token":"t1","name":"ann"},"items":[{"secret":"s1"},{"secret":"s2","keep":1}]}
        """;

    [Fact]
    public void A_plain_name_is_redacted_at_any_depth()
    {
        var json = JsonNode.Parse(Document)!;
        JsonRedactor.Redact(json, new HashSet<string> { "token" }, "X");

        Assert.Equal("X", (string?)json["token"]);
        Assert.Equal("X", (string?)json["user"]!["token"]);
        Assert.Equal("ann", (string?)json["user"]!["name"]);
    }

    [Theory]
    [InlineData("user.token")]
    [InlineData("$.user.token")]
    public void A_dotted_path_is_redacted_only_from_the_root(string path)
    {
        var json = JsonNode.Parse(Document)!;
        JsonRedactor.Redact(json, new HashSet<string> { path }, "X");

        Assert.Equal("t0", (string?)json["token"]);
        Assert.Equal("X", (string?)json["user"]!["token"]);
    }

    [Fact]
    public void Paths_walk_through_arrays()
    {
        var json = JsonNode.Parse(Document)!;
        JsonRedactor.Redact(json, new HashSet<string> { "items.secret" }, "X");

        Assert.Equal("""[{"secret":"X"},{"secret":"X","keep":1}]""", json["items"]!.ToJsonString());
    }

    [Fact]
    public void Text_fallback_replaces_strings_scalars_and_nested_values_and_leaves_the_rest()
    {
        const string Broken = """{"a":"x","token":"t0","n":{"token":12,"keep":"k"},"token" : {"deep":[1,"}"]},"say":"\"token\": no",""";

        string redacted = JsonRedactor.RedactText(Broken, new HashSet<string> { "user.token" }, "X");

        Assert.Equal("""{"a":"x","token":"X","n":{"token":"X","keep":"k"},"token" : "X","say":"\"token\": no",""", redacted);
    }
}
