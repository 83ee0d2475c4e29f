using System.Net;
using FaultLab.Proxy;
using FaultLab.Proxy.Tests;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Control.Tests;

public sealed class HeaderFaultTests
{
    private readonly OkHandler _dependency = new();

    [Fact]
    public async Task Off_by_default_a_header_asks_for_nothing()
    {
        var options = Options("""{ "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");
        using var client = Client(options);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "boom"));
        Assert.Equal(1, _dependency.Count);
    }

    [Fact]
    public async Task Only_an_allowed_fault_named_by_the_header_fires()
    {
        using var client = Client(Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await SendAsync(client, "boom"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "something-else"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, null));
        Assert.Equal(2, _dependency.Count);
    }

    [Fact]
    public async Task A_header_rate_can_only_lower_the_configured_one()
    {
        using var client = Client(Options("""
            { "Enabled": true, "Seed": 42, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503, "InjectionRate": 0.25 } ] }
            """));

        int asked100 = 0;
        int asked0 = 0;
        for (int i = 0; i < 400; i++)
        {
            asked100 += await SendAsync(client, "boom;rate=1") == HttpStatusCode.ServiceUnavailable ? 1 : 0;
            asked0 += await SendAsync(client, "boom;rate=0") == HttpStatusCode.ServiceUnavailable ? 1 : 0;
        }

        Assert.InRange(asked100, 70, 130); // capped at the configured 25 %, not the asked 100 %
        Assert.Equal(0, asked0);
    }

    [Fact]
    public async Task MaxActiveFaults_lets_requests_past_the_cap_through_untouched()
    {
        var clock = new FakeTimeProvider();
        var options = Options("""{ "Enabled": true, "MaxActiveFaults": 2, "Faults": [ { "Kind": "Latency", "Name": "slow", "Delay": "00:00:10" } ] }""");
        using var client = new HttpClient(HeaderFaults.CreateHandler(options, _dependency, clock));

        var calls = Enumerable.Range(0, 5).Select(_ => SendAsync(client, "slow")).ToList();
        await Task.WhenAny(Task.WhenAll(calls.Skip(2)), Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Equal(3, calls.Count(c => c.IsCompleted)); // two are delayed, the cap sends three straight on
        Assert.Equal(3, _dependency.Count);
        clock.Advance(TimeSpan.FromSeconds(10));
        await Task.WhenAll(calls);
        Assert.Equal(5, _dependency.Count);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.OK)]
    [InlineData(true, HttpStatusCode.ServiceUnavailable)]
    public async Task Production_refuses_unless_allowed(bool allow, HttpStatusCode expected)
    {
        var options = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");
        options.AllowInProduction = allow;
        using var client = new HttpClient(HeaderFaults.CreateHandler(options, _dependency, environmentName: "Production"));

        Assert.Equal(expected, await SendAsync(client, "boom"));
    }

    [Fact]
    public void Bad_settings_are_refused_with_their_paths()
    {
        HeaderFaultOptions.Read("""{ "Enabled": true, "Bogus": 1 }""", out var unknown);
        Assert.Equal(["Bogus: is not a header-fault setting."], unknown);

        HeaderFaultOptions.Read("""{ "MaxActiveFaults": 0, "Faults": [ { "Kind": "Status", "StatusCode": 503 } ] }""", out var unnamed);
        Assert.Equal(
        [
            "MaxActiveFaults: must be at least 1 (was 0).",
            "Faults:0:Name: is required: a header asks for a fault by name.",
        ], unnamed);
    }

    [Fact]
    public void A_fault_that_does_not_validate_hides_none_of_the_header_settings_problems()
    {
        HeaderFaultOptions.Read("""{ "MaxActiveFaults": 0, "Faults": [ { "Kind": "Status", "StatusCode": 200 } ] }""", out var errors);

        Assert.Equal(
        [
            "MaxActiveFaults: must be at least 1 (was 0).",
            "Faults:0:Name: is required: a header asks for a fault by name.",
            "Faults:0:StatusCode: must be an error status from 400 to 599 (was 200).",
        ], errors);
    }

    [Fact]
    public void Past_a_fault_that_failed_to_bind_names_are_checked_in_the_json_by_each_entrys_own_index()
    {
        HeaderFaultOptions.Read(
            """{ "MaxActiveFaults": 0, "Faults": [ { "Kind": "Teleport" }, { "Kind": "Status", "name": "boom" }, { "Kind": "Status", "StatusCode": 503 } ] }""",
            out var errors);

        Assert.Equal(
        [
            "MaxActiveFaults: must be at least 1 (was 0).",
            "Faults:0:Name: is required: a header asks for a fault by name.",
            "Faults:2:Name: is required: a header asks for a fault by name.",
            $"Faults:0:Kind: unknown fault kind 'Teleport'; known kinds: {string.Join(", ", FaultCatalog.Kinds.Select(k => k.Name))}.",
        ], errors);
    }

    [Fact]
    public async Task Through_the_proxy_any_client_can_ask_for_an_allowed_fault()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            HeaderFaults = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }"""),
        });
        using var client = new HttpClient { BaseAddress = proxy.Address };

        using var asked = new HttpRequestMessage(HttpMethod.Get, "/orders") { Headers = { { HeaderFaultOptions.DefaultHeaderName, "boom" } } };
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.SendAsync(asked)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.GetAsync("/orders")).StatusCode);
        Assert.Equal(1, upstream.Hits);
    }

    [Fact]
    public async Task The_cap_counts_only_requests_under_a_fault_and_frees_its_places_when_they_end()
    {
        var clock = new FakeTimeProvider();
        var options = Options("""{ "Enabled": true, "MaxActiveFaults": 1, "Faults": [ { "Kind": "Latency", "Name": "slow", "Delay": "00:00:10" } ] }""");
        using var client = new HttpClient(HeaderFaults.CreateHandler(options, _dependency, clock, environmentName: "Development"));

        for (int round = 1; round <= 2; round++)
        {
            var held = SendAsync(client, "slow");
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "slow")); // past the cap: straight through
            Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "slow"));
            Assert.False(held.IsCompleted);
            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, await held);
            Assert.Equal(3 * round, _dependency.Count); // each round, the first is delayed again: the places were freed
        }
    }

    [Fact]
    public async Task A_custom_header_name_is_the_only_one_read()
    {
        var options = Options("""{ "Enabled": true, "HeaderName": "x-chaos", "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");
        using var client = Client(options);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "boom"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://orders.test/orders") { Headers = { { "x-chaos", "boom" } } };
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("boom;rate=0", HttpStatusCode.OK)]
    [InlineData("boom;RATE=0", HttpStatusCode.OK)]
    [InlineData("boom ; rate=0", HttpStatusCode.OK)]
    [InlineData("boom;rate=1", HttpStatusCode.ServiceUnavailable)]
    [InlineData("boom;rate=1.5", HttpStatusCode.ServiceUnavailable)] // out of range: ignored, the configured rate holds
    [InlineData("boom;rate=-0.5", HttpStatusCode.ServiceUnavailable)]
    [InlineData("boom;rate=none", HttpStatusCode.ServiceUnavailable)]
    [InlineData("boom;speed=0", HttpStatusCode.ServiceUnavailable)]
    [InlineData("boom;0", HttpStatusCode.ServiceUnavailable)]
    [InlineData("boom;rate=0;rate=1", HttpStatusCode.ServiceUnavailable)] // "0;rate=1" is no number
    [InlineData("boomer", HttpStatusCode.OK)]
    [InlineData("Boom", HttpStatusCode.OK)] // names are case-sensitive, as in the profile
    public async Task The_header_names_a_fault_and_may_lower_its_rate(string header, HttpStatusCode expected)
    {
        using var client = Client(Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }"""));

        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(expected, await SendAsync(client, header));
        }
    }

    [Fact]
    public async Task Each_asked_rate_has_its_own_pipeline_and_each_name_its_own_fault()
    {
        using var client = Client(Options("""
            { "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 }, { "Kind": "Status", "Name": "busy", "StatusCode": 429 } ] }
            """));

        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "boom;rate=0"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await SendAsync(client, "boom"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendAsync(client, "busy"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, "busy;rate=0"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await SendAsync(client, "boom;rate=1"));
        Assert.Equal(2, _dependency.Count);
    }

    [Fact]
    public async Task The_seed_replays_the_same_faults_for_the_same_requests()
    {
        const string json = """{ "Enabled": true, "Seed": 1234, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503, "InjectionRate": 0.5 } ] }""";
        async Task<string> Sequence()
        {
            using var client = Client(Options(json));
            var statuses = new List<char>();
            for (int i = 0; i < 64; i++)
            {
                statuses.Add(await SendAsync(client, "boom") == HttpStatusCode.OK ? '.' : 'x');
            }

            return new string([.. statuses]);
        }

        string first = await Sequence();
        Assert.Equal(first, await Sequence());
        Assert.Contains('x', first);
        Assert.Contains('.', first);

        var other = Options(json);
        other.Seed = 4321;
        using var otherClient = Client(other);
        var otherStatuses = new List<char>();
        for (int i = 0; i < 64; i++)
        {
            otherStatuses.Add(await SendAsync(otherClient, "boom") == HttpStatusCode.OK ? '.' : 'x');
        }

        Assert.NotEqual(first, new string([.. otherStatuses]));
    }

    [Fact]
    public async Task An_asked_fault_is_logged_and_counted_under_the_client_name()
    {
        var log = new ListLogger();
        using var factory = log.Factory();
        var options = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom-logged", "StatusCode": 503 } ] }""");
        using var controller = new FaultController(new LiveFaultProfile(), new FaultControllerOptions { ClientName = "header-client" });
        using var client = new HttpClient(HeaderFaults.CreateHandler(options, _dependency, loggerFactory: factory, clientName: "header-client", environmentName: "Development"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await SendAsync(client, "boom-logged"));

        Assert.Contains(log.Lines, l => l.Message.Contains("boom-logged", StringComparison.Ordinal));
        Assert.Equal(1, controller.GetCounters().Injected["boom-logged"]);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("production")]
    public void Production_refusal_is_logged_as_a_warning_naming_the_client(string environment)
    {
        var log = new ListLogger();
        using var factory = log.Factory();
        var options = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");

        using var handler = HeaderFaults.CreateHandler(options, _dependency, loggerFactory: factory, clientName: "orders", environmentName: environment);

        var line = Assert.Single(log.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Equal("FaultLab header-controlled faults are configured for client 'orders' but refused: the environment is Production", line.Message);
    }

    [Theory]
    [InlineData(false, false, "Production")]
    [InlineData(true, true, "Production")]
    [InlineData(true, false, "Staging")]
    public void No_refusal_is_logged_when_off_allowed_or_not_Production(bool enabled, bool allow, string environment)
    {
        var log = new ListLogger();
        using var factory = log.Factory();
        var options = Options("""{ "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");
        options.Enabled = enabled;
        options.AllowInProduction = allow;

        using var handler = HeaderFaults.CreateHandler(options, _dependency, loggerFactory: factory, environmentName: environment);

        Assert.Empty(log.Lines);
    }

    [Fact]
    public void Invalid_options_are_refused_by_the_handler_with_their_paths()
    {
        var options = new HeaderFaultOptions { Enabled = true, MaxActiveFaults = 0 };

        var error = Assert.Throws<ArgumentException>(() => HeaderFaults.CreateHandler(options, _dependency));
        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("Invalid header faults: MaxActiveFaults: must be at least 1 (was 0).", error.Message);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var options = Options("""
            { "Enabled": true, "HeaderName": "x-chaos", "MaxActiveFaults": 1, "Seed": 9, "AllowInProduction": true,
              "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 502, "InjectionRate": 0.5 } ] }
            """);

        Assert.True(options.Enabled);
        Assert.Equal("x-chaos", options.HeaderName);
        Assert.Equal(1, options.MaxActiveFaults);
        Assert.Equal(9, options.Seed);
        Assert.True(options.AllowInProduction);
        var fault = Assert.IsType<StatusFault>(Assert.Single(options.Faults));
        Assert.Equal(("boom", 502, 0.5), (fault.Name, fault.StatusCode, fault.InjectionRate));

        var defaults = Options("{}");
        Assert.False(defaults.Enabled);
        Assert.Equal(HeaderFaultOptions.DefaultHeaderName, defaults.HeaderName);
        Assert.Equal("x-faultlab-fault", defaults.HeaderName);
        Assert.Equal(5, defaults.MaxActiveFaults);
        Assert.Null(defaults.Seed);
        Assert.False(defaults.AllowInProduction);
        Assert.Empty(defaults.Faults);
    }

    [Theory]
    [InlineData("""{ "Enabled": "yes" }""", "Enabled: has the wrong type (")]
    [InlineData("""{ "HeaderName": 3 }""", "HeaderName: has the wrong type (")]
    [InlineData("""{ "MaxActiveFaults": 1.5 }""", "MaxActiveFaults: has the wrong type (")]
    [InlineData("""{ "Seed": "x" }""", "Seed: has the wrong type (")]
    [InlineData("""{ "AllowInProduction": null }""", "AllowInProduction: has the wrong type (")]
    [InlineData("""[ 1 ]""", "Header faults must be a JSON object.")]
    [InlineData("""{ "Enabled": tru """, "'tru ' is an invalid")]
    public void A_wrong_type_or_shape_is_one_error_naming_the_setting(string json, string start)
    {
        HeaderFaultOptions.Read(json, out var errors);

        Assert.StartsWith(start, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_waits_for_the_settings_to_be_readable()
    {
        HeaderFaultOptions.Read("""{ "MaxActiveFaults": 0, "Enabled": "yes" }""", out var errors);

        Assert.StartsWith("Enabled: has the wrong type", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_names_a_blank_header_and_a_duplicate_name_once()
    {
        var options = new HeaderFaultOptions { HeaderName = " ", MaxActiveFaults = 1 }; // 1 active fault is allowed
        options.Faults.Add(new StatusFault { Name = "boom", StatusCode = 503 });
        options.Faults.Add(new StatusFault { Name = "boom", StatusCode = 200 });

        Assert.Equal(
        [
            "HeaderName: is required.",
            "Faults:1:StatusCode: must be an error status from 400 to 599 (was 200).",
            "Faults:1:Name: 'boom' already names Faults:0; each fault needs its own name.",
        ], options.Validate());
        Assert.Empty(new HeaderFaultOptions().Validate());
    }

    [Fact]
    public void The_same_mistakes_are_named_alike_whether_the_options_were_read_from_JSON_or_built_in_code()
    {
        var read = HeaderFaultOptions.Read("""
            { "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 },
                          { "Kind": "Status", "Name": "boom", "StatusCode": 503, "InjectionRate": 2 }, { "Kind": "Hang" } ] }
            """, out var readErrors);
        var built = new HeaderFaultOptions();
        built.Faults.Add(new StatusFault { Name = "boom", StatusCode = 503 });
        built.Faults.Add(new StatusFault { Name = "boom", StatusCode = 503, InjectionRate = 2 });
        built.Faults.Add(new HangFault());

        string[] expected =
        [
            "Faults:2:Name: is required: a header asks for a fault by name.",
            "Faults:1:InjectionRate: must be between 0 and 1 inclusive (was 2).",
            "Faults:1:Name: 'boom' already names Faults:0; each fault needs its own name.",
        ];
        Assert.Equal(expected, readErrors);
        Assert.Equal(expected, built.Validate());
        Assert.Equal(expected, read.Validate());
    }

    [Fact]
    public void A_proxy_names_a_header_fault_setting_under_HeaderFaults()
    {
        var headerFaults = new HeaderFaultOptions();
        headerFaults.Faults.Add(new StatusFault { Name = "boom", StatusCode = 200 });
        var proxy = new FaultProxyOptions { Upstream = new Uri("http://127.0.0.1:1/"), HeaderFaults = headerFaults };

        Assert.Equal(["HeaderFaults:Faults:0:StatusCode: must be an error status from 400 to 599 (was 200)."], proxy.Validate());
    }

    [Fact]
    public void Missing_options_or_inner_handler_are_refused_by_name()
    {
        var options = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => HeaderFaults.CreateHandler(null!, _dependency)).ParamName);
        Assert.Equal("innerHandler", Assert.Throws<ArgumentNullException>(() => HeaderFaults.CreateHandler(options, null!)).ParamName);
    }

    [Fact]
    public void The_handler_refusal_lists_every_problem()
    {
        var options = new HeaderFaultOptions { HeaderName = "", MaxActiveFaults = 0 };

        var error = Assert.Throws<ArgumentException>(() => HeaderFaults.CreateHandler(options, _dependency));

        Assert.Equal("Invalid header faults: HeaderName: is required. MaxActiveFaults: must be at least 1 (was 0). (Parameter 'options')", error.Message);
    }

    [Fact]
    public void The_refusal_is_logged_under_the_FaultLab_category()
    {
        var log = new ListLogger();
        using var factory = log.Factory();
        var options = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");

        using var handler = HeaderFaults.CreateHandler(options, _dependency, loggerFactory: factory, environmentName: "Production");

        Assert.Equal(["FaultLab"], log.Categories);
        Assert.Single(log.Lines);
    }

    [Fact]
    public async Task Disposing_the_handler_disposes_its_fault_pipelines_and_its_inner_handler()
    {
        var inner = new DisposeTrackingHandler();
        var options = Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }""");
        var handler = HeaderFaults.CreateHandler(options, inner, environmentName: "Development");
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await invoker.SendAsync(Request("boom"), CancellationToken.None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invoker.SendAsync(Request(null), CancellationToken.None)).StatusCode);

        handler.Dispose();

        Assert.True(inner.Disposed);
        // The asked fault's pipeline is disposed (it refuses), and so is the handler's own way to the inner handler.
        var pipeline = await Assert.ThrowsAsync<ObjectDisposedException>(() => invoker.SendAsync(Request("boom"), CancellationToken.None));
        Assert.Equal(typeof(HttpMessageInvoker).FullName, pipeline.ObjectName);
        var passThrough = await Assert.ThrowsAsync<ObjectDisposedException>(() => invoker.SendAsync(Request(null), CancellationToken.None));
        Assert.Equal(handler.GetType().FullName, passThrough.ObjectName);
        Assert.Equal(1, inner.Count);
    }

    [Fact]
    public async Task A_header_present_without_a_value_asks_for_nothing()
    {
        using var client = Client(Options("""{ "Enabled": true, "Faults": [ { "Kind": "Status", "Name": "boom", "StatusCode": 503 } ] }"""));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://orders.test/orders");
        Assert.True(request.Headers.TryAddWithoutValidation(HeaderFaultOptions.DefaultHeaderName, Array.Empty<string>()));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _dependency.Count);
    }

    [Fact]
    public void An_unknown_setting_holds_back_the_settings_checks_as_a_wrong_type_does()
    {
        HeaderFaultOptions.Read("""{ "MaxActiveFaults": 0, "Bogus": true }""", out var errors);

        Assert.Equal(["Bogus: is not a header-fault setting."], errors);
    }

    private static HeaderFaultOptions Options(string json)
    {
        var options = HeaderFaultOptions.Read(json, out var errors);
        Assert.Empty(errors);
        return options;
    }

    private static HttpRequestMessage Request(string? header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://orders.test/orders");
        if (header is not null)
        {
            request.Headers.Add(HeaderFaultOptions.DefaultHeaderName, header);
        }

        return request;
    }

    private HttpClient Client(HeaderFaultOptions options) => new(HeaderFaults.CreateHandler(options, _dependency, environmentName: "Development"));

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://orders.test/orders");
        if (header is not null)
        {
            request.Headers.Add(HeaderFaultOptions.DefaultHeaderName, header);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>The dependency, answering 200, that records whether it was disposed.</summary>
internal sealed class DisposeTrackingHandler : HttpMessageHandler
{
    public bool Disposed { get; private set; }

    public int Count { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Count++;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }

    protected override void Dispose(bool disposing)
    {
        Disposed |= disposing;
        base.Dispose(disposing);
    }
}
