using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Tests.Faults;

/// <summary>
/// Contract drift: a typical System.Text.Json DTO client against the injected change behaves exactly as against a
/// server that really shipped it (fails the same way, or silently loses the same data); a tolerant client survives.
/// </summary>
public sealed class ContractDriftFaultTests
{
    private const string V1 = """{"id":7,"total":19.5,"status":"Paid","lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}""";

    public enum OrderStatus
    {
        Open,
        Paid,
    }

    public sealed record Line(string Sku, int Qty);

    /// <summary>The DTO a typical client writes: camelCase names, enums as strings, System.Text.Json's strict numbers.</summary>
    public sealed record Order(int Id, decimal Total, OrderStatus Status, List<Line>? Lines);

    private static readonly JsonSerializerOptions Typical = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The tolerant client: Web defaults (what <c>GetFromJsonAsync</c> uses without options, which already read numbers
    /// from strings), unknown enum values kept as text, a missing list treated as empty.
    /// </summary>
    public sealed record TolerantOrder(int Id, decimal Total, string? Status, List<Line>? Lines);

    private static readonly JsonSerializerOptions Tolerant = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    [Theory]
    [InlineData(ContractChange.RemoveField, "$.total", """{"id":7,"status":"Paid","lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}""", "silent: Total 0")]
    [InlineData(ContractChange.RenameField, "$.lines", """{"id":7,"total":19.5,"status":"Paid","lines_v2":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}""", "silent: Lines null")]
    [InlineData(ContractChange.NullField, "$.lines", """{"id":7,"total":19.5,"status":"Paid","lines":null}""", "silent: Lines null")]
    [InlineData(ContractChange.ChangeType, "$.id", """{"id":"7","total":19.5,"status":"Paid","lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}""", "JsonException $.id")]
    [InlineData(ContractChange.ChangeType, "$.lines[*].qty", """{"id":7,"total":19.5,"status":"Paid","lines":[{"sku":"A","qty":"2"},{"sku":"B","qty":"1"}]}""", "JsonException $.lines[0].qty")]
    [InlineData(ContractChange.UnknownEnumValue, "$.status", """{"id":7,"total":19.5,"status":"UNRECOGNIZED_VALUE","lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}""", "JsonException $.status")]
    [InlineData(ContractChange.EmptyArray, "$.lines", """{"id":7,"total":19.5,"status":"Paid","lines":[]}""", "silent: 0 lines")]
    [InlineData(ContractChange.ExtraFields, "$", """{"id":7,"total":19.5,"status":"Paid","lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}],"addedInV2_1":"value 1","addedInV2_2":{"nested":true},"addedInV2_3":"value 3"}""", "ok")]
    public async Task A_typical_DTO_client_meets_the_injected_change_exactly_as_the_real_one(ContractChange change, string path, string realV2, string typicalOutcome)
    {
        using var injected = Client(V1, f => f.WithSeed(3).AddContractDrift(change, path));
        using var real = Client(realV2, _ => { });

        string injectedBody = await injected.GetStringAsync("/orders/7");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(realV2), JsonNode.Parse(injectedBody)), injectedBody);
        string viaInjected = await Outcome(injected);
        Assert.Equal(await Outcome(real), viaInjected);
        Assert.Equal(typicalOutcome, viaInjected);
        // The tolerant client survives every change (its Status is text, numbers may be strings, lists may be missing).
        var tolerant = JsonSerializer.Deserialize<TolerantOrder>(injectedBody, Tolerant)!;
        Assert.Equal(7, tolerant.Id);
        Assert.Equal((tolerant.Lines ?? []).Count, tolerant.Lines?.Count ?? 0);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_or_lacks_the_path_passes_unchanged()
    {
        using var html = Client("<html>ok</html>", f => f.AddContractDrift(ContractChange.RemoveField, "$.id"), "text/html");
        using var missing = Client(V1, f => f.AddContractDrift(ContractChange.RemoveField, "$.customer.name"));

        Assert.Equal("<html>ok</html>", await html.GetStringAsync("/"));
        Assert.Equal(V1, await missing.GetStringAsync("/"));
    }

    [Fact]
    public async Task Drift_happens_in_the_content_stream_so_a_resilience_handler_never_retries_it()
    {
        int calls = 0;
        var upstream = new Answer(V1, () => Interlocked.Increment(ref calls));
        using var client = new HttpClient(FaultInjection.CreateHandler(f => f.AddContractDrift(ContractChange.ChangeType, "$.id"), upstream))
        {
            BaseAddress = new Uri("http://orders.internal"),
        };

        using var response = await client.GetAsync("/orders/7");
        await Assert.ThrowsAsync<JsonException>(async () => await response.Content.ReadFromJsonAsync<Order>(Typical));

        Assert.Equal(1, calls);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetByteCount("""{"id":"7","total":19.5,"status":"Paid","lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}"""),
            (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public void Bad_settings_are_rejected_naming_their_path()
    {
        var options = FaultInjectionOptions.FromConfiguration(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""
            { "FaultLab": { "Faults": [
              { "Kind": "ContractDrift", "Change": "RemoveField", "Path": "items.price" },
              { "Kind": "ContractDrift", "Change": "RenameField", "Path": "$" },
              { "Kind": "ContractDrift", "Change": "ExtraFields", "Path": "$.a{b}", "ExtraFieldCount": 0 },
              { "Kind": "ContractDrift", "Change": "Explode", "Path": "$.a" } ] } }
            """))).Build().GetSection("FaultLab"));

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("FaultLab:Faults:0:Path: must be a JSON path starting at the root", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FaultLab:Faults:1:Path: RenameField needs a member, not the root $.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FaultLab:Faults:2:Path: cannot read '{b}'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FaultLab:Faults:2:ExtraFieldCount: must be from 1 to 1000 (was 0).", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("FaultLab:Faults:3:Change", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ContractChange.RemoveField, "$.lines[0]", """{"id":7,"total":19.5,"status":"Paid","lines":[{"sku":"B","qty":1}]}""")]
    [InlineData(ContractChange.RemoveField, "$.lines[*]", """{"id":7,"total":19.5,"status":"Paid","lines":[]}""")]
    [InlineData(ContractChange.RemoveField, "$.lines[*].sku", """{"id":7,"total":19.5,"status":"Paid","lines":[{"qty":2},{"qty":1}]}""")]
    [InlineData(ContractChange.RemoveField, "$['total']", """{"id":7,"status":"Paid","lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}""")]
    [InlineData(ContractChange.RemoveField, "$.*", """{}""")]
    [InlineData(ContractChange.RenameField, "$.lines[*].qty", """{"id":7,"total":19.5,"status":"Paid","lines":[{"sku":"A","qty_v2":2},{"sku":"B","qty_v2":1}]}""")]
    [InlineData(ContractChange.RenameField, "$.lines[1]", V1)] // an element has no name to change
    [InlineData(ContractChange.NullField, "$.lines[1]", """{"id":7,"total":19.5,"status":"Paid","lines":[{"sku":"A","qty":2},null]}""")]
    [InlineData(ContractChange.NullField, "$", "null")]
    [InlineData(ContractChange.NullField, "$[*]", """{"id":null,"total":null,"status":null,"lines":null}""")]
    [InlineData(ContractChange.ChangeType, "$.total", """{"id":7,"total":"19.5","status":"Paid","lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}""")]
    [InlineData(ContractChange.ChangeType, "$.status", """{"id":7,"total":19.5,"status":42,"lines":[{"sku":"A","qty":2},{"sku":"B","qty":1}]}""")] // text that is no number
    [InlineData(ContractChange.ChangeType, "$.lines", V1)] // an array is not a scalar: unchanged
    [InlineData(ContractChange.EmptyArray, "$.status", V1)] // not an array: unchanged
    [InlineData(ContractChange.EmptyArray, "$", V1)]
    [InlineData(ContractChange.ExtraFields, "$.status", V1)] // not an object: unchanged
    [InlineData(ContractChange.ExtraFields, "$.lines", """{"id":7,"total":19.5,"status":"Paid","lines":[{"sku":"A","qty":2,"addedInV2_1":"value 1","addedInV2_2":{"nested":true},"addedInV2_3":"value 3"},{"sku":"B","qty":1,"addedInV2_1":"value 1","addedInV2_2":{"nested":true},"addedInV2_3":"value 3"}]}""")]
    [InlineData(ContractChange.UnknownEnumValue, "$.lines[0].sku", """{"id":7,"total":19.5,"status":"Paid","lines":[{"sku":"UNRECOGNIZED_VALUE","qty":2},{"sku":"B","qty":1}]}""")]
    public void Each_change_rewrites_exactly_the_places_the_path_reaches(ContractChange change, string path, string expected)
    {
        var fault = new ContractDriftFault { Change = change, Path = path };

        Assert.Equal(expected, Encoding.UTF8.GetString(fault.Rewrite(Encoding.UTF8.GetBytes(V1))));
    }

    [Theory]
    [InlineData("7", "\"7\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("false", "\"false\"")]
    [InlineData("\"12.50\"", "12.50")]
    [InlineData("\"-3\"", "-3")]
    [InlineData("\"1,000.5\"", "1000.5")] // thousands separators read as the invariant culture writes them
    [InlineData("\"12 apples\"", "42")]
    [InlineData("null", "null")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    public void Change_type_turns_scalars_into_the_other_json_type(string value, string expected)
    {
        var fault = new ContractDriftFault { Change = ContractChange.ChangeType, Path = "$.v" };

        Assert.Equal($$"""{"v":{{expected}}}""", Encoding.UTF8.GetString(fault.Rewrite(Encoding.UTF8.GetBytes($$"""{"v":{{value}}}"""))));
    }

    [Fact]
    public void Rename_enum_value_and_field_count_use_the_given_settings()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"status":"Paid","items":[{"a":1},2]}""");

        Assert.Equal("""{"items":[{"a":1},2],"state":"Paid"}""", // a renamed member moves to the end, as a serializer writing the new DTO puts it anywhere
            Encoding.UTF8.GetString(new ContractDriftFault { Change = ContractChange.RenameField, Path = "$.status", NewName = "state" }.Rewrite(body)));
        Assert.Equal("""{"status":"Refunded","items":[{"a":1},2]}""",
            Encoding.UTF8.GetString(new ContractDriftFault { Change = ContractChange.UnknownEnumValue, Path = "$.status", EnumValue = "Refunded" }.Rewrite(body)));
        Assert.Equal("""{"status":"Paid","items":[{"a":1,"addedInV2_1":"value 1","addedInV2_2":{"nested":true}},2]}""",
            Encoding.UTF8.GetString(new ContractDriftFault { Change = ContractChange.ExtraFields, Path = "$.items", ExtraFieldCount = 2 }.Rewrite(body)));
        Assert.Equal("""{"status":"Paid","items":[{"a":1},2],"addedInV2_1":"value 1"}""",
            Encoding.UTF8.GetString(new ContractDriftFault { Change = ContractChange.ExtraFields, Path = "$", ExtraFieldCount = 1 }.Rewrite(body)));
    }

    [Fact]
    public void Rewritten_text_keeps_its_characters_unescaped_as_an_api_sends_them()
    {
        var fault = new ContractDriftFault { Change = ContractChange.RemoveField, Path = "$.id" };

        byte[] rewritten = fault.Rewrite(Encoding.UTF8.GetBytes("""{"id":1,"name":"Café <b> & 'x'"}"""));

        Assert.Equal("""{"name":"Café <b> & 'x'"}""", Encoding.UTF8.GetString(rewritten));
    }

    [Theory]
    [InlineData("$.lines[2]")] // past the end
    [InlineData("$.lines.sku")] // a name on an array
    [InlineData("$.id[0]")] // an index on a number
    [InlineData("$.id.*")] // a wildcard on a number
    [InlineData("$.customer")]
    public void A_path_that_reaches_nothing_returns_the_very_same_bytes(string path)
    {
        byte[] body = Encoding.UTF8.GetBytes(V1);

        Assert.Same(body, new ContractDriftFault { Change = ContractChange.NullField, Path = path }.Rewrite(body));
    }

    [Fact]
    public void A_body_that_is_not_json_returns_the_very_same_bytes()
    {
        byte[] body = Encoding.UTF8.GetBytes("{not json");

        Assert.Same(body, new ContractDriftFault { Change = ContractChange.NullField, Path = "$" }.Rewrite(body));
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$.a")]
    [InlineData("$.a_b-c$@.x9")]
    [InlineData("$._x")]
    [InlineData("$.$ref")]
    [InlineData("$['a b']")]
    [InlineData("$[12]")]
    [InlineData("$[*]")]
    [InlineData("$.*")]
    [InlineData("$.items[*].price")]
    public void Supported_paths_parse(string path)
    {
        Assert.NotNull(JsonPathTarget.TryParse(path, out string? error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "must be a JSON path starting at the root, for example $.items[*].price")]
    [InlineData("", "must be a JSON path starting at the root, for example $.items[*].price")]
    [InlineData("  ", "must be a JSON path starting at the root, for example $.items[*].price")]
    [InlineData("items", "must be a JSON path starting at the root, for example $.items[*].price")]
    [InlineData("$x.a", "cannot read 'x.a' (supported: .name, ['name'], [index], [*])")]
    [InlineData("$.a..b", "cannot read '..b' (supported: .name, ['name'], [index], [*])")]
    [InlineData("$.9a", "cannot read '.9a' (supported: .name, ['name'], [index], [*])")]
    [InlineData("$[-1]", "cannot read '[-1]' (supported: .name, ['name'], [index], [*])")]
    [InlineData("$.a[", "cannot read '[' (supported: .name, ['name'], [index], [*])")]
    public void Unsupported_paths_say_what_cannot_be_read(string? path, string expected)
    {
        Assert.Null(JsonPathTarget.TryParse(path, out string? error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Only_the_root_path_is_the_root()
    {
        Assert.True(JsonPathTarget.TryParse("$", out _)!.IsRoot);
        Assert.False(JsonPathTarget.TryParse("$.a", out _)!.IsRoot);
        Assert.Empty(JsonPathTarget.TryParse("$", out _)!.Find(JsonNode.Parse("""{"a":1}""")));
    }

    [Fact]
    public void A_valid_drift_has_no_errors_and_each_bad_setting_is_named_with_its_value()
    {
        Assert.Empty(FaultErrors.Of(new ContractDriftFault { Change = ContractChange.NullField, Path = "$", ExtraFieldCount = 1 }));
        Assert.Empty(FaultErrors.Of(new ContractDriftFault { Change = ContractChange.ExtraFields, Path = "$.a", ExtraFieldCount = 1000, NewName = "b" }));
        Assert.Equal(["Faults:0:Path: RemoveField needs a member, not the root $."], FaultErrors.Of(new ContractDriftFault { Path = "$" }));
        Assert.Equal(["Faults:0:Path: must be a JSON path starting at the root, for example $.items[*].price (was '')."], FaultErrors.Of(new ContractDriftFault()));
        Assert.Equal(["Faults:0:NewName: must not be empty."], FaultErrors.Of(new ContractDriftFault { Change = ContractChange.RenameField, Path = "$.a", NewName = "" }));
        Assert.Equal(["Faults:0:ExtraFieldCount: must be from 1 to 1000 (was 1001)."], FaultErrors.Of(new ContractDriftFault { Path = "$.a", ExtraFieldCount = 1001 }));
        Assert.Equal(["Faults:0:ExtraFieldCount: must be from 1 to 1000 (was 0)."], FaultErrors.Of(new ContractDriftFault { Path = "$.a", ExtraFieldCount = 0 }));
    }

    [Fact]
    public async Task A_drifted_body_has_the_new_length_and_keeps_the_upstream_content_type()
    {
        using var client = Client(V1, f => f.AddContractDrift(ContractChange.RemoveField, "$.lines"));

        using var response = await client.GetAsync("/orders/7");
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal("""{"id":7,"total":19.5,"status":"Paid"}""", body);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
    }

    [Fact]
    public void The_builder_shorthands_set_change_path_and_rate()
    {
        var drift = Assert.IsType<ContractDriftFault>(Assert.Single(FaultErrors.Built(b => b.AddContractDrift(ContractChange.NullField, "$.a", 0.25))));
        var configured = Assert.IsType<ContractDriftFault>(Assert.Single(FaultErrors.Built(b => b.AddContractDrift(d => d.NewName = "n"))));
        var oversized = Assert.IsType<OversizedPayloadFault>(Assert.Single(FaultErrors.Built(b => b.AddOversizedPayload(o => o.Items = 3))));

        Assert.Equal((ContractChange.NullField, "$.a", 0.25), (drift.Change, drift.Path, drift.InjectionRate));
        Assert.Equal("n", configured.NewName);
        Assert.Equal(3, oversized.Items);
        Assert.Equal((ContractChange.RemoveField, "", 3), (configured.Change, configured.Path, configured.ExtraFieldCount));
    }

    /// <summary>What the typical client's code ends with: its data, the data it silently lost, or the exception and where.</summary>
    private static async Task<string> Outcome(HttpClient client)
    {
        try
        {
            var order = (await client.GetFromJsonAsync<Order>("/orders/7", Typical))!;
            return order.Total == 0 ? "silent: Total 0"
                : order.Lines is null ? "silent: Lines null"
                : order.Lines.Count == 0 ? "silent: 0 lines"
                : "ok";
        }
        catch (JsonException e)
        {
            return $"JsonException {e.Path}";
        }
    }

    private static HttpClient Client(string body, Action<FaultInjectionBuilder> faults, string mediaType = "application/json") =>
        new(FaultInjection.CreateHandler(faults, new Answer(body, () => 0, mediaType))) { BaseAddress = new Uri("http://orders.internal") };

    /// <summary>A dependency answering every request with one body.</summary>
    internal sealed class Answer(string body, Func<int> onCall, string mediaType = "application/json") : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onCall();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, mediaType),
            });
        }
    }
}
