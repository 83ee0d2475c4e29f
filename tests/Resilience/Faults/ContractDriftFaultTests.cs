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
