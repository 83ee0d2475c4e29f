using FaultLab.Replay.Redaction;

namespace FaultLab.Replay.Tests.Redaction;

public sealed class QueryStringTests
{
    [Fact]
    public void Redaction_replaces_only_the_named_parameters_and_keeps_the_rest_as_sent()
    {
        string redacted = QueryString.RedactUri("http://127.0.0.1/a?q=a%20b&api_key=k1&flag&API_KEY=k2",
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "api_key" }, "[REDACTED]");

        Assert.Equal("http://127.0.0.1/a?q=a%20b&api_key=%5BREDACTED%5D&flag&API_KEY=%5BREDACTED%5D", redacted);
    }

    [Fact]
    public void Parsing_decodes_names_and_values()
    {
        Assert.Equal([("q", "a b"), ("x", "1+1"), ("flag", "")], QueryString.Parse("?q=a+b&x=1%2B1&flag").ToList());
    }

    [Fact]
    public void A_name_is_matched_decoded_and_an_empty_query_or_name_list_changes_nothing()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "api key" };

        Assert.Equal("api+key=P&api%20key=P&b=1", QueryString.Redact("?api+key=1&api%20key=2&b=1", names, "P"));
        Assert.Equal("", QueryString.Redact("", names, "P"));
        Assert.Equal("?x=1&&y", QueryString.Redact("?x=1&&y", new HashSet<string>(), "P"));
        Assert.Equal("http://127.0.0.1/a?x=%41", QueryString.RedactUri("http://127.0.0.1/a?x=%41", new HashSet<string>(), "P"));
        Assert.Equal("/a?&&#b=1", QueryString.RedactUri("/a?&&#b=1", new HashSet<string>(), "P")); // untouched, empty pairs too
        Assert.Equal("/a#b=1", QueryString.RedactUri("/a?&&#b=1", names, "P"));
    }

    [Fact]
    public void A_url_keeps_its_fragment_and_a_parameter_without_value_gets_the_placeholder()
    {
        Assert.Equal("http://127.0.0.1/a?token=P&x=1#top",
            QueryString.RedactUri("http://127.0.0.1/a?token&x=1#top", new HashSet<string> { "token" }, "P"));
    }

    [Fact]
    public void Parsing_splits_at_the_first_equals_sign_and_skips_empty_pairs()
    {
        Assert.Equal([("a", "b=c"), ("d", ""), ("", "v")], QueryString.Parse("a=b=c&&d=&=v").ToList());
    }
}
