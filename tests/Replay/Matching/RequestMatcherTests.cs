using FaultLab.Replay.Format;
using FaultLab.Replay.Matching;
using FaultLab.Replay.Redaction;

namespace FaultLab.Replay.Tests.Matching;

public sealed class RequestMatcherTests
{
    private readonly CassetteMatching _settings = new();

    [Fact]
    public void Method_and_url_match_with_query_parameters_in_any_order()
    {
        Assert.Empty(Compare(Get("http://127.0.0.1:5000/a?x=1&y=2&x=3"), Get("http://127.0.0.1:5000/a?y=2&x=3&x=1")));
    }

    [Fact]
    public void Method_path_and_authority_differences_are_explained()
    {
        var recorded = Get("http://127.0.0.1:5000/orders");
        var live = Get("http://127.0.0.1:6000/invoices");
        live.Method = "POST";

        Assert.Equal(
            ["method: recorded GET, sent POST", "scheme, host or port: recorded http://127.0.0.1:5000, sent http://127.0.0.1:6000", "path: recorded /orders, sent /invoices"],
            Compare(live, recorded));
    }

    [Fact]
    public void Authority_can_be_left_out_for_dependencies_on_changing_ports()
    {
        _settings.MatchAuthority = false;
        Assert.Empty(Compare(Get("http://127.0.0.1:6000/a"), Get("http://127.0.0.1:5000/a")));
    }

    [Fact]
    public void Ignored_query_parameters_are_not_compared()
    {
        _settings.IgnoredQueryParameters.Add("ts");
        Assert.Empty(Compare(Get("http://127.0.0.1/a?ts=2&q=1"), Get("http://127.0.0.1/a?q=1&ts=1")));
    }

    [Fact]
    public void Headers_are_not_compared_unless_chosen()
    {
        var live = Get("http://127.0.0.1/a", ("Accept", "text/html"));
        var recorded = Get("http://127.0.0.1/a", ("Accept", "application/json"));
        Assert.Empty(Compare(live, recorded));

        _settings.Headers.Add("accept");
        Assert.Equal(["header 'accept': recorded 'application/json', sent 'text/html'"], Compare(live, recorded));
    }

    [Fact]
    public void Comparing_all_headers_skips_volatile_and_redacted_ones()
    {
        _settings.MatchAllHeaders = true;
        var live = Get("http://127.0.0.1/a", ("traceparent", "00-aa-01"), ("X-Request-Id", "1"), ("Date", "today"), ("Authorization", "[REDACTED]"), ("X-Tenant", "blue"));
        var recorded = Get("http://127.0.0.1/a", ("traceparent", "00-bb-01"), ("X-Request-Id", "2"), ("Date", "yesterday"), ("X-Tenant", "red"));

        Assert.Equal(["header 'X-Tenant': recorded 'red', sent 'blue'"], Compare(live, recorded));
    }

    [Fact]
    public void Bodies_are_compared_as_json_when_asked()
    {
        var live = Get("http://127.0.0.1/a");
        live.Body = BodyCodec.Encode("""{ "b": 2, "a": 1 }"""u8.ToArray(), "application/json");
        var recorded = Get("http://127.0.0.1/a");
        recorded.Body = BodyCodec.Encode("""{"a":1,"b":2}"""u8.ToArray(), "application/json");
        var other = Get("http://127.0.0.1/a");
        other.Body = BodyCodec.Encode("""{"a":1,"b":3}"""u8.ToArray(), "application/json");

        Assert.Empty(Compare(live, other));
        _settings.MatchBody = true;
        Assert.Empty(Compare(live, recorded));
        Assert.Equal(["body: recorded '{\"a\":1,\"b\":3}', sent '{\"b\":2,\"a\":1}'"], Compare(live, other));
    }

    [Fact]
    public void A_custom_predicate_sees_the_live_and_the_recorded_request()
    {
        _settings.Predicate = (live, recorded) => live.Headers.Contains("X-Live") && recorded.Headers["x-recorded"].Single() == "yes";
        using var message = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/a");
        var matcher = new RequestMatcher(_settings, new Redactor(new CassetteRedaction()));

        Assert.Equal(["the custom matching predicate returned false"],
            matcher.Compare(Get("http://127.0.0.1/a"), message, Get("http://127.0.0.1/a", ("X-Recorded", "yes"))).Select(d => d.Description));
        message.Headers.Add("X-Live", "1");
        Assert.Empty(matcher.Compare(Get("http://127.0.0.1/a"), message, Get("http://127.0.0.1/a", ("X-Recorded", "yes"))));
    }

    private List<string> Compare(RequestRecord live, RequestRecord recorded)
    {
        using var message = new HttpRequestMessage(new HttpMethod(live.Method), live.Uri);
        return new RequestMatcher(_settings, new Redactor(new CassetteRedaction())).Compare(live, message, recorded)
            .Select(d => d.Description).ToList();
    }

    private static RequestRecord Get(string uri, params (string Name, string Value)[] headers) => new()
    {
        Method = "GET",
        Uri = uri,
        Headers = headers.ToDictionary(h => h.Name, h => new List<string> { h.Value }),
    };
}
