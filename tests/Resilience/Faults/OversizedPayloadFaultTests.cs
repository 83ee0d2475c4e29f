using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Tests.Faults;

public sealed class OversizedPayloadFaultTests
{
    private const string Page = """{"items":[{"id":1,"name":"alpha"},{"id":2,"name":"beta"}],"next":null}""";

    [Fact]
    public async Task The_array_is_repeated_to_N_items_and_stays_valid_JSON()
    {
        using var client = Client(Page, f => f.AddOversizedPayload(o => { o.Path = "$.items"; o.Items = 10_000; }));

        var body = JsonNode.Parse(await client.GetStringAsync("/items"))!;

        var items = body["items"]!.AsArray();
        Assert.Equal(10_000, items.Count);
        Assert.Equal("alpha", (string?)items[9_998]!["name"]);
        Assert.Equal("beta", (string?)items[9_999]!["name"]);
        Assert.Null(body["next"]);
    }

    [Fact]
    public async Task MaxResponseContentBufferSize_refuses_an_inflated_body_that_a_streaming_client_reads()
    {
        const int oneMiB = 1024 * 1024;
        using var buffered = Client(Page, f => f.AddOversizedPayload(o => { o.Path = "$.items"; o.Megabytes = 2; }));
        buffered.MaxResponseContentBufferSize = oneMiB;
        using var streaming = Client(Page, f => f.AddOversizedPayload(o => { o.Path = "$.items"; o.Megabytes = 2; }));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => buffered.GetStringAsync("/items"));
        Assert.Equal($"Cannot write more bytes to the buffer than the configured maximum buffer size: {oneMiB}.", refused.Message);

        using var response = await streaming.GetAsync("/items", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);
        int count = document.RootElement.GetProperty("items").GetArrayLength();
        // Each item is 24 bytes ({"id":1,"name":"alpha"},): at least 2 MiB of whole items, not far beyond.
        Assert.InRange(count * 24L, 2L * oneMiB - 100, 2.25 * oneMiB);
    }

    [Fact]
    public async Task With_a_bandwidth_the_inflated_body_takes_its_size_over_the_rate_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider();
        using var client = new HttpClient(FaultInjection.CreateHandler(
            f => f.AddOversizedPayload(o => { o.Path = "$.items"; o.Items = 300; o.BytesPerSecond = 1000; }),
            new ContractDriftFaultTests.Answer(Page, () => 0), clock))
        { BaseAddress = new Uri("http://orders.internal") };
        var start = clock.GetUtcNow();

        var reading = client.GetByteArrayAsync("/items");
        while (!reading.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        byte[] body = await reading;
        Assert.InRange((clock.GetUtcNow() - start).TotalSeconds, body.Length / 1000.0, (body.Length / 1000.0) + 0.5);
    }

    [Fact]
    public void Bad_settings_are_rejected_naming_their_path()
    {
        var options = FaultInjectionOptions.FromConfiguration(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""
            { "FaultLab": { "Faults": [
              { "Kind": "OversizedPayload" },
              { "Kind": "OversizedPayload", "Items": 0, "Path": "items" },
              { "Kind": "OversizedPayload", "Megabytes": -1, "BytesPerSecond": 0 } ] } }
            """))).Build().GetSection("FaultLab"));

        var errors = options.Validate();

        Assert.Contains("FaultLab:Faults:0:Items: give exactly one of Items or Megabytes.", errors);
        Assert.Contains("FaultLab:Faults:1:Items: must be from 1 to 10000000 (was 0).", errors);
        Assert.Contains(errors, e => e.StartsWith("FaultLab:Faults:1:Path: must be a JSON path starting at the root", StringComparison.Ordinal));
        Assert.Contains("FaultLab:Faults:2:Megabytes: must be more than 0 and at most 1024 (was -1).", errors);
        Assert.Contains("FaultLab:Faults:2:BytesPerSecond: must be at least 1 (was 0).", errors);
    }

    private static HttpClient Client(string body, Action<FaultInjectionBuilder> faults) =>
        new(FaultInjection.CreateHandler(faults, new ContractDriftFaultTests.Answer(body, () => 0))) { BaseAddress = new Uri("http://orders.internal") };
}
