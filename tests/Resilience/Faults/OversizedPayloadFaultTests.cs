using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaultLab.Testing;
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
        // A TestClock jumps to each wait the slow body sets, once the process is quiet: stepping a fake clock in a loop
        // instead also moved it while the reader was busy, not waiting, so a loaded machine saw the body take longer.
        var clock = new TestClock();
        using var client = new HttpClient(FaultInjection.CreateHandler(
            f => f.AddOversizedPayload(o => { o.Path = "$.items"; o.Items = 300; o.BytesPerSecond = 1000; }),
            new ContractDriftFaultTests.Answer(Page, () => 0), clock))
        { BaseAddress = new Uri("http://orders.internal") };
        var start = clock.GetUtcNow();

        byte[] body = await clock.RunUntilComplete(client.GetByteArrayAsync("/items"));
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

    [Fact]
    public void Items_repeats_the_elements_in_order_up_to_exactly_that_count()
    {
        var fault = new OversizedPayloadFault { Items = 5 };

        Assert.Equal("""[1,"two",null,1,"two"]""", Inflate(fault, """[1,"two",null]"""));
    }

    [Fact]
    public void Fewer_items_than_the_array_holds_shortens_it_to_that_count()
    {
        Assert.Equal("[1,2]", Inflate(new OversizedPayloadFault { Items = 2 }, "[1,2,3,4]"));
        Assert.Equal("[1,2,3,4]", Inflate(new OversizedPayloadFault { Items = 4 }, "[1,2,3,4]"));
    }

    [Fact]
    public void The_array_at_a_path_is_inflated_and_the_rest_of_the_body_kept()
    {
        var fault = new OversizedPayloadFault { Path = "$.page.items", Items = 3 };

        Assert.Equal("""{"page":{"items":[{"id":1},{"id":1},{"id":1}],"next":"é<"},"n":1}""", Inflate(fault, """{"page":{"items":[{"id":1}],"next":"é<"},"n":1}"""));
    }

    [Fact]
    public void The_first_array_the_path_reaches_is_inflated()
    {
        var fault = new OversizedPayloadFault { Path = "$.*", Items = 2 };

        Assert.Equal("""{"a":1,"b":[7,7],"c":[8]}""", Inflate(fault, """{"a":1,"b":[7],"c":[8]}"""));
    }

    [Theory]
    [InlineData("$", """{"items":[1]}""")] // the root is no array
    [InlineData("$", "[]")] // nothing to repeat
    [InlineData("$.items", """{"items":[]}""")]
    [InlineData("$.items", """{"items":{"a":1}}""")]
    [InlineData("$.items", """{"other":[1]}""")]
    [InlineData("$", "not json")]
    public void A_body_without_a_non_empty_array_there_returns_the_very_same_bytes(string path, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);

        Assert.Same(bytes, new OversizedPayloadFault { Path = path, Items = 10 }.Inflate(bytes));
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void Megabytes_reaches_at_least_that_size_with_whole_elements_and_not_much_more(double megabytes)
    {
        const string element = """{"id":12345,"name":"a longer element name"}""";
        var fault = new OversizedPayloadFault { Megabytes = megabytes };

        byte[] inflated = fault.Inflate(Encoding.UTF8.GetBytes($"[{element},{element}]"));

        double wanted = megabytes * 1024 * 1024;
        // Equal elements make the estimate exact: the body ends within one element of the size, with no top-up round.
        Assert.InRange(inflated.Length, wanted, wanted + element.Length + 1);
        var array = JsonNode.Parse(inflated)!.AsArray();
        Assert.All(array, e => Assert.Equal(element, e!.ToJsonString()));
    }

    [Fact]
    public void Megabytes_of_small_and_null_elements_repeats_them_in_order_to_just_that_size()
    {
        var fault = new OversizedPayloadFault { Megabytes = 0.01 };

        byte[] inflated = fault.Inflate(Encoding.UTF8.GetBytes("""[null,1,"x"]"""));

        // 3.67 bytes an element on average: counting it as 3 whole bytes overshot the size by a fifth.
        Assert.InRange(inflated.Length, 0.01 * 1024 * 1024, (0.01 * 1024 * 1024) + 5);
        var array = JsonNode.Parse(inflated)!.AsArray();
        Assert.All(Enumerable.Range(0, array.Count), i => Assert.Equal(i % 3 == 0 ? null : i % 3 == 1 ? "1" : "\"x\"", array[i]?.ToJsonString()));
    }

    [Fact]
    public void A_body_that_reaches_the_size_exactly_gets_no_extra_elements()
    {
        // 512 ones are [1,1,...,1]: 1025 bytes, exactly the size asked for.
        var fault = new OversizedPayloadFault { Megabytes = 1025.0 / (1024 * 1024) };

        byte[] inflated = fault.Inflate(Encoding.UTF8.GetBytes("[1]"));

        Assert.Equal(1025, inflated.Length);
    }

    [Fact]
    public void An_indented_body_falls_short_of_the_estimate_and_is_topped_up_64_elements_at_a_time_in_order()
    {
        // 807 bytes of indented [1, 2, 3], sent on compact: 2 bytes an element, so the estimate for 1 KiB is
        // ceil((1024 - 807) / 2) + 3 = 112 elements, only 225 bytes. Seven rounds of 64 more reach 560 elements:
        // 1121 bytes, the first count of whole rounds at or past 1024.
        string indent = "\n" + new string(' ', 199);
        var fault = new OversizedPayloadFault { Megabytes = 1.0 / 1024 };

        byte[] inflated = fault.Inflate(Encoding.UTF8.GetBytes($"[{indent}1,{indent}2,{indent}3{indent}]"));

        Assert.Equal("[" + string.Join(",", Enumerable.Range(0, 560).Select(i => (i % 3) + 1)) + "]", Encoding.UTF8.GetString(inflated));
        Assert.InRange(inflated.Length, 1024, 1024 + (64 * 2)); // at least the size, at most one round (64 elements of 2 bytes) past it
    }

    [Fact]
    public void Megabytes_of_one_digit_numbers_does_not_overshoot()
    {
        var fault = new OversizedPayloadFault { Megabytes = 0.1 };

        byte[] inflated = fault.Inflate(Encoding.UTF8.GetBytes("[1,22]"));

        Assert.InRange(inflated.Length, 0.1 * 1024 * 1024, (0.1 * 1024 * 1024) + 3);
    }

    [Fact]
    public void A_valid_oversized_payload_has_no_errors_and_the_bounds_are_inclusive()
    {
        Assert.Empty(FaultErrors.Of(new OversizedPayloadFault { Items = 1 }));
        Assert.Empty(FaultErrors.Of(new OversizedPayloadFault { Items = 10_000_000, BytesPerSecond = 1 }));
        Assert.Empty(FaultErrors.Of(new OversizedPayloadFault { Megabytes = 1024 }));
        Assert.Empty(FaultErrors.Of(new OversizedPayloadFault { Megabytes = 0.001 }));
        Assert.Equal(["Faults:0:Items: give exactly one of Items or Megabytes."], FaultErrors.Of(new OversizedPayloadFault { Items = 1, Megabytes = 1 }));
        Assert.Equal(["Faults:0:Items: must be from 1 to 10000000 (was 10000001)."], FaultErrors.Of(new OversizedPayloadFault { Items = 10_000_001 }));
        Assert.Equal(["Faults:0:Megabytes: must be more than 0 and at most 1024 (was 1024.5)."], FaultErrors.Of(new OversizedPayloadFault { Megabytes = 1024.5 }));
        Assert.Equal(["Faults:0:Megabytes: must be more than 0 and at most 1024 (was 0)."], FaultErrors.Of(new OversizedPayloadFault { Megabytes = 0 }));
        Assert.Equal(["Faults:0:Megabytes: must be more than 0 and at most 1024 (was NaN)."], FaultErrors.Of(new OversizedPayloadFault { Megabytes = double.NaN }));
        Assert.Equal(["Faults:0:Path: cannot read 'x' (supported: .name, ['name'], [index], [*]) (was '$x')."], FaultErrors.Of(new OversizedPayloadFault { Path = "$x", Items = 1 }));
    }

    [Fact]
    public async Task The_inflated_body_is_sent_with_its_own_length_and_the_upstream_content_type()
    {
        using var client = Client(Page, f => f.AddOversizedPayload(o => { o.Path = "$.items"; o.Items = 3; }));

        using var response = await client.GetAsync("/items");
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("""{"items":[{"id":1,"name":"alpha"},{"id":2,"name":"beta"},{"id":1,"name":"alpha"}],"next":null}""", Encoding.UTF8.GetString(body));
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Without_a_bandwidth_the_inflated_body_arrives_without_waiting_on_the_clock()
    {
        var clock = new FakeTimeProvider();
        using var client = new HttpClient(FaultInjection.CreateHandler(
            f => f.AddOversizedPayload(o => { o.Path = "$.items"; o.Items = 300; }),
            new ContractDriftFaultTests.Answer(Page, () => 0), clock))
        { BaseAddress = new Uri("http://orders.internal") };

        byte[] body = await client.GetByteArrayAsync("/items").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(300, JsonNode.Parse(body)!["items"]!.AsArray().Count);
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow() - clock.Start);
    }

    private static string Inflate(OversizedPayloadFault fault, string body) => Encoding.UTF8.GetString(fault.Inflate(Encoding.UTF8.GetBytes(body)));

    private static HttpClient Client(string body, Action<FaultInjectionBuilder> faults) =>
        new(FaultInjection.CreateHandler(faults, new ContractDriftFaultTests.Answer(body, () => 0))) { BaseAddress = new Uri("http://orders.internal") };
}
