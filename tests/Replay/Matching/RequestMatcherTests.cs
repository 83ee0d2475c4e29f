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

    [Fact]
    public void The_method_is_compared_without_regard_to_case()
    {
        var live = Get("http://127.0.0.1/a");
        live.Method = "get";

        Assert.Empty(Compare(live, Get("http://127.0.0.1/a")));
    }

    [Fact]
    public void The_path_is_compared_with_its_case()
    {
        Assert.Equal(["path: recorded /orders, sent /Orders"], Compare(Get("http://127.0.0.1/Orders"), Get("http://127.0.0.1/orders")));
    }

    [Fact]
    public void A_host_differing_only_in_case_is_the_same_authority_but_a_scheme_is_not()
    {
        Assert.Empty(Compare(Get("http://LOCALHOST:5000/a"), Get("http://localhost:5000/a")));
        Assert.Equal(["scheme, host or port: recorded http://127.0.0.1, sent https://127.0.0.1"],
            Compare(Get("https://127.0.0.1/a"), Get("http://127.0.0.1/a")));
    }

    [Fact]
    public void Query_differences_are_listed_by_name_with_missing_and_repeated_values()
    {
        Assert.Equal(
            ["query parameter 'a': recorded (none), sent '1'", "query parameter 'b': recorded '2, 3', sent '2'", "query parameter 'c': recorded '9', sent (none)"],
            Compare(Get("http://127.0.0.1/q?b=2&a=1"), Get("http://127.0.0.1/q?c=9&b=3&b=2")));
    }

    [Fact]
    public void Query_names_and_values_are_case_sensitive_and_compared_decoded()
    {
        Assert.Empty(Compare(Get("http://127.0.0.1/q?name=a%20b"), Get("http://127.0.0.1/q?name=a+b")));
        Assert.Equal(["query parameter 'Page': recorded (none), sent '1'", "query parameter 'page': recorded '1', sent (none)"],
            Compare(Get("http://127.0.0.1/q?Page=1"), Get("http://127.0.0.1/q?page=1")));
    }

    [Fact]
    public void An_ignored_query_parameter_only_ignores_that_exact_name()
    {
        _settings.IgnoredQueryParameters.Add("ts");
        Assert.Equal(["query parameter 'q': recorded '1', sent '2'"], Compare(Get("http://127.0.0.1/a?ts=2&q=2"), Get("http://127.0.0.1/a?q=1&ts=1")));
    }

    [Fact]
    public void Chosen_headers_are_matched_by_name_in_any_case_and_listed_in_name_order()
    {
        _settings.Headers.Add("X-Tenant");
        _settings.Headers.Add("accept");
        var live = Get("http://127.0.0.1/a", ("ACCEPT", "text/html"), ("x-tenant", "blue"));
        var recorded = Get("http://127.0.0.1/a", ("Accept", "application/json"));
        recorded.Headers["X-Tenant"] = ["blue", "red"];

        Assert.Equal(
            ["header 'accept': recorded 'application/json', sent 'text/html'", "header 'X-Tenant': recorded 'blue, red', sent 'blue'"],
            Compare(live, recorded));
        Assert.Empty(Compare(Get("http://127.0.0.1/a", ("ACCEPT", "text/html"), ("X-TENANT", "blue")), Get("http://127.0.0.1/a", ("accept", "text/html"), ("x-tenant", "blue"))));
    }

    [Fact]
    public void A_chosen_header_sent_but_not_recorded_is_a_difference()
    {
        _settings.Headers.Add("X-Tenant");

        Assert.Equal(["header 'X-Tenant': recorded (none), sent 'blue'"], Compare(Get("http://127.0.0.1/a", ("X-Tenant", "blue")), Get("http://127.0.0.1/a")));
    }

    [Fact]
    public void Comparing_all_headers_still_compares_a_volatile_header_chosen_by_name()
    {
        _settings.MatchAllHeaders = true;
        _settings.Headers.Add("Date");
        var live = Get("http://127.0.0.1/a", ("Date", "today"), ("X-Request-Id", "1"));
        var recorded = Get("http://127.0.0.1/a", ("Date", "yesterday"), ("X-Request-Id", "2"));

        Assert.Equal(["header 'Date': recorded 'yesterday', sent 'today'"], Compare(live, recorded));
    }

    [Fact]
    public void A_header_redacted_by_the_settings_is_never_compared_even_when_chosen()
    {
        _settings.Headers.Add("Authorization");
        _settings.Headers.Add("Accept");

        Assert.Equal(["header 'Accept': recorded (none), sent 'a'"],
            Compare(Get("http://127.0.0.1/a", ("Authorization", "[REDACTED]"), ("Accept", "a")), Get("http://127.0.0.1/a")));
    }

    [Fact]
    public void Comparing_all_headers_counts_a_header_present_on_one_side_only()
    {
        _settings.MatchAllHeaders = true;

        Assert.Equal(["header 'X-Only-Live': recorded (none), sent '1'", "header 'X-Only-Recorded': recorded '2', sent (none)"],
            Compare(Get("http://127.0.0.1/a", ("X-Only-Live", "1")), Get("http://127.0.0.1/a", ("X-Only-Recorded", "2"))));
    }

    [Fact]
    public void Without_match_all_only_chosen_headers_count()
    {
        _settings.Headers.Add("Accept");

        Assert.Empty(Compare(Get("http://127.0.0.1/a", ("Accept", "a"), ("X-Tenant", "blue")), Get("http://127.0.0.1/a", ("Accept", "a"), ("X-Tenant", "red"))));
    }

    [Fact]
    public void A_body_in_a_mismatch_is_shown_whole_up_to_80_characters_then_cut_with_its_length()
    {
        _settings.MatchBody = true;
        var live = Text("http://127.0.0.1/a", new string('s', 81));
        var recorded = Text("http://127.0.0.1/a", new string('r', 80));

        Assert.Equal([$"body: recorded '{new string('r', 80)}', sent '{new string('s', 80)}…' (81 chars)"], Compare(live, recorded));
        Assert.Equal(["body: recorded 'r', sent (none)"], Compare(Get("http://127.0.0.1/a"), Text("http://127.0.0.1/a", "r")));
    }

    [Fact]
    public void Text_bodies_are_compared_byte_for_byte()
    {
        _settings.MatchBody = true;

        Assert.Empty(Compare(Text("http://127.0.0.1/a", "same"), Text("http://127.0.0.1/a", "same")));
        Assert.Equal(["body: recorded 'Same', sent 'same'"], Compare(Text("http://127.0.0.1/a", "same"), Text("http://127.0.0.1/a", "Same")));
    }

    [Fact]
    public void The_predicate_is_asked_only_when_nothing_else_differs()
    {
        int calls = 0;
        _settings.Predicate = (_, _) =>
        {
            calls++;
            return false;
        };

        Assert.Equal(["path: recorded /b, sent /a"], Compare(Get("http://127.0.0.1/a"), Get("http://127.0.0.1/b")));
        Assert.Equal(0, calls);
        Assert.Equal(["the custom matching predicate returned false"], Compare(Get("http://127.0.0.1/a"), Get("http://127.0.0.1/a")));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Differences_weigh_authority_and_path_most_then_method_then_the_rest()
    {
        var live = Get("http://127.0.0.1:1/a?q=1", ("Accept", "x"));
        live.Method = "POST";
        live.Body = BodyCodec.Encode("b"u8.ToArray(), "text/plain");
        _settings.Headers.Add("Accept");
        _settings.MatchBody = true;
        using var message = new HttpRequestMessage(HttpMethod.Post, live.Uri);

        var weights = new RequestMatcher(_settings, new Redactor(new CassetteRedaction())).Compare(live, message, Get("http://127.0.0.1:2/b"))
            .ToDictionary(d => d.Description.Split(':')[0], d => d.Weight);

        Assert.Equal(
            new Dictionary<string, int> { ["method"] = 2, ["scheme, host or port"] = 4, ["path"] = 4, ["query parameter 'q'"] = 1, ["header 'Accept'"] = 1, ["body"] = 1 },
            weights);
    }

    [Fact]
    public void The_public_recorded_request_carries_method_url_headers_in_any_case_and_body_text()
    {
        var recorded = Text("http://127.0.0.1/a?x=1", """{"a":1}""");
        recorded.Method = "PUT";
        recorded.Headers = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["X-One"] = ["1", "2"] };

        var shown = RequestMatcher.ToPublic(recorded);

        Assert.Equal("PUT", shown.Method);
        Assert.Equal(new Uri("http://127.0.0.1/a?x=1"), shown.Uri);
        Assert.Equal(["1", "2"], shown.Headers["x-one"]);
        Assert.Equal("""{"a":1}""", shown.Body);
    }

    private List<string> Compare(RequestRecord live, RequestRecord recorded)
    {
        using var message = new HttpRequestMessage(new HttpMethod(live.Method), live.Uri);
        return new RequestMatcher(_settings, new Redactor(new CassetteRedaction())).Compare(live, message, recorded)
            .Select(d => d.Description).ToList();
    }

    private static RequestRecord Text(string uri, string body)
    {
        var request = Get(uri);
        request.Body = BodyCodec.Encode(System.Text.Encoding.UTF8.GetBytes(body), "text/plain");
        return request;
    }

    private static RequestRecord Get(string uri, params (string Name, string Value)[] headers) => new()
    {
        Method = "GET",
        Uri = uri,
        Headers = headers.ToDictionary(h => h.Name, h => new List<string> { h.Value }),
    };
}
