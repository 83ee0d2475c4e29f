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
}
