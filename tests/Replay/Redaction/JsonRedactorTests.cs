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

    [Fact]
    public void Names_given_in_any_case_match_any_case_while_fields_match_their_exact_case()
    {
        var json = JsonNode.Parse("""{"Token":"t0","TOKEN":"t1","Pin":"p0","pin":"p1","list":[null,{"PIN":"p2"}]}""")!;

        JsonRedactor.Redact(json, new HashSet<string> { "pin" }, "X", new HashSet<string> { "token" });

        Assert.Equal("""{"Token":"X","TOKEN":"X","Pin":"p0","pin":"X","list":[null,{"PIN":"p2"}]}""", json.ToJsonString());
    }

    [Fact]
    public void A_path_only_matches_its_whole_length_and_a_redacted_object_is_replaced_whole()
    {
        var json = JsonNode.Parse("""{"auth":{"token":{"value":"v"},"other":"o"},"token":"root","deep":{"auth":{"token":"d"}}}""")!;

        JsonRedactor.Redact(json, new HashSet<string> { "$.auth.token" }, "X");

        Assert.Equal("""{"auth":{"token":"X","other":"o"},"token":"root","deep":{"auth":{"token":"d"}}}""", json.ToJsonString());
    }

    [Fact]
    public void Nothing_to_redact_leaves_the_document_as_it_was()
    {
        var json = JsonNode.Parse(Document)!;

        JsonRedactor.Redact(json, new HashSet<string>(), "X", new HashSet<string>());
        JsonRedactor.Redact(null, new HashSet<string> { "token" }, "X");

        Assert.Equal(JsonNode.Parse(Document)!.ToJsonString(), json.ToJsonString());
    }

    [Fact]
    public void Text_fallback_redacts_any_case_names_and_values_of_every_kind()
    {
        const string Broken = """{"Password":[1,{"x":"]"}],"TOKEN":true , "id":null,"b":"\\","token":"a\"b"}""";

        string redacted = JsonRedactor.RedactText(Broken, new HashSet<string> { "id" }, "P", new HashSet<string> { "password", "token" });

        Assert.Equal("""{"Password":"P","TOKEN":"P" , "id":"P","b":"\\","token":"P"}""", redacted);
    }

    [Fact]
    public void Text_fallback_handles_a_value_cut_off_at_the_end_and_an_empty_value()
    {
        Assert.Equal("{\"a\":1,\"token\":\"X\"", JsonRedactor.RedactText("{\"a\":1,\"token\":\"abc", new HashSet<string> { "token" }, "X"));
        Assert.Equal("{\"token\":\"X\"", JsonRedactor.RedactText("""{"token":{"x":[1,2""", new HashSet<string> { "token" }, "X"));
        Assert.Equal("""{"token":"X"}""", JsonRedactor.RedactText("""{"token":}""", new HashSet<string> { "token" }, "X"));
        Assert.Equal("""{"token":"X" }""", JsonRedactor.RedactText("""{"token":12 }""", new HashSet<string> { "token" }, "X"));
        Assert.Equal("""{"token" "x"}""", JsonRedactor.RedactText("""{"token" "x"}""", new HashSet<string> { "token" }, "X"));
        Assert.Equal("", JsonRedactor.RedactText("", new HashSet<string> { "token" }, "X"));
    }

    [Fact]
    public void Text_fallback_ignores_a_name_that_is_only_the_root_or_empty_and_encodes_the_placeholder()
    {
        const string Broken = """{"":"keep","$":"keep","a":"1",""";

        Assert.Equal(Broken, JsonRedactor.RedactText(Broken, new HashSet<string> { "x.", "$" }, "X"));
        Assert.Equal("""{"a":"say \u0022hi\u0022",""", JsonRedactor.RedactText("""{"a":"1",""", new HashSet<string> { "a" }, "say \"hi\""));
    }

    [Theory]
    [InlineData("\"token\":1", "\"token\":\"X\"")]                                         // the name at the very start
    [InlineData("{\"token\":{\"token\":1},\"a\":2}", "{\"token\":\"X\",\"a\":2}")]        // a name inside a value already replaced
    [InlineData("{\"token\":\"a\"\"token\":\"b\"}", "{\"token\":\"X\"\"token\":\"X\"}")]  // a name right after the previous value
    [InlineData("{\"a\":\"\\\"token\":\"b\"}", "{\"a\":\"\\\"token\":\"b\"}")]        // an escaped quote: inside a string
    [InlineData("{\"a\":1,\"token\"", "{\"a\":1,\"token\"")]                                  // cut off after the name
    [InlineData("{\"a\":1,\"token\"  ", "{\"a\":1,\"token\"  ")]                              // cut off after the name and spaces
    [InlineData("{\"token\":[1, 2],\"a\":3}", "{\"token\":\"X\",\"a\":3}")]                 // spaces inside a nested value
    public void Text_fallback_finds_names_only_where_a_value_follows(string text, string expected)
    {
        Assert.Equal(expected, JsonRedactor.RedactText(text, new HashSet<string> { "token" }, "X"));
    }

    [Fact]
    public void Without_any_case_names_only_the_fields_are_redacted()
    {
        var json = JsonNode.Parse("""{"a":1}""")!;
        JsonRedactor.Redact(json, new HashSet<string>(), "X", null);
        JsonRedactor.Redact(json, new HashSet<string> { "a" }, "X", null);

        Assert.Equal("""{"a":"X"}""", json.ToJsonString());
    }
}
