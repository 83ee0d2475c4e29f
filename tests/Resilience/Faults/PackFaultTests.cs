using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FaultLab.Tests.Support;
using FaultLab.Tests.Recipes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Faults;

/// <summary>
/// API fault packs: each answers with its vendor's documented status, headers and body; and what the standard
/// resilience handler (Microsoft.Extensions.Http.Resilience 10.11, shipped options) does with it, on the fake
/// clock — the table in docs/fault-packs.md is these rows.
/// </summary>
[Collection(RecipeCollection.Name)]
public sealed class PackFaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>pack, status, the header that carries the wait (null: none), attempts the standard handler makes, whether it waits that header.</summary>
    public static TheoryData<string, int, string?, int, bool> StandardHandler => new()
    {
        { "azure-arm-throttled", 429, "Retry-After", 4, true },
        { "azure-cosmos-429", 429, "x-ms-retry-after-ms", 4, false },
        { "azure-cosmos-449", 449, "x-ms-retry-after-ms", 1, false },
        { "azure-cosmos-503", 503, null, 4, false },
        { "aws-s3-slowdown", 503, null, 4, false },
        { "aws-dynamodb-throttling", 400, null, 1, false },
        { "github-primary-rate-limit", 403, "x-ratelimit-reset", 1, false },
        { "github-secondary-rate-limit", 403, "retry-after", 1, false },
        { "stripe-rate-limit", 429, null, 4, false },
        { "stripe-lock-timeout", 429, null, 4, false },
        { "openai-rate-limit", 429, "retry-after-ms", 4, false },
        { "google-resource-exhausted", 429, null, 4, false },
    };

    [Fact]
    public void Every_pack_has_a_row_here_and_in_the_docs_table()
    {
        Assert.Equal(PackFault.Packs.Order(), StandardHandler.Select(row => (string)row[0]).Order());
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "fault-packs.md"));
        foreach (var row in StandardHandler)
        {
            Assert.Contains($"| `{row[0]}` | {row[1]} |", docs, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(StandardHandler))]
    public async Task What_the_standard_handler_does_with_each_pack(string pack, int status, string? waitHeader, int attempts, bool waitsTheHeader)
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultInjection(f => f.WithSeed(1).AddPack(pack, retryAfter: Wait));
        });

        using var response = await host.GetAsync("/items");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(attempts, host.Faults.Faults.Count);          // every attempt met the pack
        Assert.Equal(0, host.Upstream.RequestCount);
        Assert.Equal(attempts - 1, host.Events.RetryDelays.Count);
        if (waitsTheHeader)
        {
            Assert.All(host.Events.RetryDelays, d => Assert.Equal(Wait, d));
        }
        else
        {
            // Retried on its own exponential back-off (2 s base, jittered), never on the wait the API announced.
            Assert.DoesNotContain(Wait, host.Events.RetryDelays);
        }

        if (waitHeader is not null)
        {
            Assert.True(response.Headers.Contains(waitHeader), $"{pack} carries {waitHeader}");
        }
    }

    [Theory]
    [InlineData("azure-arm-throttled", "Retry-After", "5")]
    [InlineData("azure-cosmos-429", "x-ms-retry-after-ms", "5000")]
    [InlineData("azure-cosmos-429", "x-ms-substatus", "3200")]
    [InlineData("azure-cosmos-449", "x-ms-retry-after-ms", "5000")]
    [InlineData("github-primary-rate-limit", "x-ratelimit-remaining", "0")]
    [InlineData("github-secondary-rate-limit", "retry-after", "5")]
    [InlineData("stripe-lock-timeout", "Stripe-Should-Retry", "true")]
    [InlineData("openai-rate-limit", "retry-after-ms", "5000")]
    [InlineData("openai-rate-limit", "x-ratelimit-reset-requests", "5s")]
    [InlineData("openai-rate-limit", "x-ratelimit-remaining-requests", "0")]
    public async Task Each_pack_announces_its_wait_in_its_vendors_header(string pack, string header, string value)
    {
        using var clients = Clients.Create(f => f.AddPack(pack, retryAfter: Wait));

        using var response = await clients.Client.GetAsync("/items");

        Assert.Equal(value, Assert.Single(response.Headers.GetValues(header)));
    }

    [Fact]
    public async Task GitHub_resets_at_epoch_seconds_on_the_injected_clock()
    {
        using var clients = Clients.Create(f => f.AddPack("github-primary-rate-limit", retryAfter: TimeSpan.FromMinutes(10)));

        using var response = await clients.Client.GetAsync("/repos/o/r");

        long reset = long.Parse(response.Headers.GetValues("x-ratelimit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((clients.TimeProvider.GetUtcNow() + TimeSpan.FromMinutes(10)).ToUnixTimeSeconds(), reset);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("API rate limit exceeded", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Forbidden", response.ReasonPhrase);
    }

    [Fact]
    public async Task The_bodies_are_the_vendors_formats()
    {
        using var s3 = Clients.Create(f => f.AddPack("aws-s3-slowdown"));
        using var dynamo = Clients.Create(f => f.AddPack("aws-dynamodb-throttling"));
        using var google = Clients.Create(f => f.AddPack("google-resource-exhausted", retryAfter: TimeSpan.FromSeconds(30)));
        using var cosmos = Clients.Create(f => f.AddPack("azure-cosmos-449"));

        using var slowDown = await s3.Client.GetAsync("/bucket/key");
        var error = XDocument.Parse(await slowDown.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("SlowDown", error.Element("Code")!.Value);
        Assert.Equal(error.Element("RequestId")!.Value, slowDown.Headers.GetValues("x-amz-request-id").Single());
        Assert.Equal("application/xml", slowDown.Content.Headers.ContentType!.MediaType);

        using var throttled = await dynamo.Client.PostAsync("/", new StringContent("{}"));
        Assert.Equal("application/x-amz-json-1.0", throttled.Content.Headers.ContentType!.MediaType);
        using (var json = JsonDocument.Parse(await throttled.Content.ReadAsStringAsync()))
        {
            Assert.Equal("com.amazon.coral.availability#ThrottlingException", json.RootElement.GetProperty("__type").GetString());
        }

        using var exhausted = await google.Client.GetAsync("/v4/spreadsheets/x");
        using (var json = JsonDocument.Parse(await exhausted.Content.ReadAsStringAsync()))
        {
            var body = json.RootElement.GetProperty("error");
            Assert.Equal("RESOURCE_EXHAUSTED", body.GetProperty("status").GetString());
            Assert.Equal("30s", body.GetProperty("details")[1].GetProperty("retryDelay").GetString());
        }

        Assert.False(exhausted.Headers.Contains("Retry-After")); // Google puts the wait in the body only
        using var retryWith = await cosmos.Client.GetAsync("/dbs/d/colls/c/docs/1");
        Assert.Equal(449, (int)retryWith.StatusCode);
        Assert.Equal("Retry With", retryWith.ReasonPhrase);
    }

    [Fact]
    public void A_pack_is_named_in_JSON_and_bad_names_and_waits_are_rejected_naming_their_path()
    {
        var good = Bind("""{ "FaultLab": { "Faults": [ { "Kind": "Pack", "Pack": "GitHub-Secondary-Rate-Limit", "InjectionRate": 0.1, "RetryAfter": "00:01:00" } ] } }""");
        Assert.Empty(good.Validate());
        var pack = Assert.IsType<PackFault>(Assert.Single(good.Faults));
        Assert.Equal(TimeSpan.FromMinutes(1), pack.RetryAfter);

        var bad = Bind("""{ "FaultLab": { "Faults": [ { "Kind": "Pack", "Pack": "github-tertiary" }, { "Kind": "Pack" }, { "Kind": "Pack", "Pack": "aws-s3-slowdown", "RetryAfter": "-00:00:01" } ] } }""");
        var errors = bad.Validate();
        Assert.Contains(errors, e => e.StartsWith("FaultLab:Faults:0:Pack: unknown pack 'github-tertiary'; known packs: azure-arm-throttled,", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FaultLab:Faults:1:Pack: missing; known packs:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FaultLab:Faults:2:RetryAfter: must not be negative", StringComparison.Ordinal));
    }

    /// <summary>pack, status, reason, content type, every header but Date (name: value, in the order sent; .NET spells
    /// the names it knows its own way, e.g. Retry-After for GitHub's retry-after), the end of
    /// the body — on the fake clock at 2026-11-27T08:00:00Z (request id 01A21C04B400, its Unix milliseconds in hex),
    /// each with its own default wait.</summary>
    public static TheoryData<string, int, string, string, string[], string> Shapes => new()
    {
        { "azure-arm-throttled", 429, "Too Many Requests", "application/json; charset=utf-8",
            ["Retry-After: 17", "x-ms-ratelimit-remaining-subscription-reads: 0", "x-ms-request-id: 01A21C04B400"],
            """{"error":{"code":"TooManyRequests","message":"The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/armthrottling"}}""" },
        { "azure-cosmos-429", 429, "Too Many Requests", "application/json",
            ["x-ms-retry-after-ms: 850", "x-ms-substatus: 3200", "x-ms-activity-id: 01A21C04B400", "x-ms-request-charge: 0.38"],
            """Please retry this request later. Learn more: http://aka.ms/cosmosdb-error-429\"]}\r\nActivityId: 01A21C04B400"}""" },
        { "azure-cosmos-449", 449, "Retry With", "application/json",
            ["x-ms-retry-after-ms: 100", "x-ms-activity-id: 01A21C04B400"],
            """{"code":"RetryWith","message":"Message: {\"Errors\":[\"The operation encountered a transient error. This typically happens when the same document is updated concurrently. Please retry.\"]}\r\nActivityId: 01A21C04B400"}""" },
        { "azure-cosmos-503", 503, "Service Unavailable", "application/json",
            ["x-ms-activity-id: 01A21C04B400", "x-ms-substatus: 0"],
            """{"code":"ServiceUnavailable","message":"Service is currently unavailable. More info: https://aka.ms/cosmosdb-tsg-service-unavailable\r\nActivityId: 01A21C04B400"}""" },
        { "aws-s3-slowdown", 503, "Slow Down", "application/xml",
            ["x-amz-request-id: 01A21C04B400", "x-amz-id-2: 01A21C04B400/Yd9n1fGQ5mO2yQ==", "Server: AmazonS3"],
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>01A21C04B400</RequestId><HostId>01A21C04B400/Yd9n1fGQ5mO2yQ==</HostId></Error>" },
        { "aws-dynamodb-throttling", 400, "Bad Request", "application/x-amz-json-1.0",
            ["x-amzn-RequestId: 01A21C04B400", "x-amz-crc32: 3412589412"],
            """{"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}""" },
        { "github-primary-rate-limit", 403, "Forbidden", "application/json; charset=utf-8",
            ["x-ratelimit-limit: 5000", "x-ratelimit-remaining: 0", "x-ratelimit-used: 5000", "x-ratelimit-reset: 1795768200", "x-ratelimit-resource: core", "x-github-request-id: 01A21C04B400"],
            """{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""" },
        { "github-secondary-rate-limit", 403, "Forbidden", "application/json; charset=utf-8",
            ["Retry-After: 60", "x-ratelimit-limit: 5000", "x-ratelimit-remaining: 4980", "x-ratelimit-used: 20", "x-ratelimit-reset: 1795766460", "x-ratelimit-resource: core", "x-github-request-id: 01A21C04B400"],
            """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.","documentation_url":"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}""" },
        { "stripe-rate-limit", 429, "Too Many Requests", "application/json",
            ["Request-Id: req_01A21C04B400", "Stripe-Version: 2024-06-20"],
            """{"error":{"code":"rate_limit","doc_url":"https://stripe.com/docs/error-codes/rate-limit","message":"Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.","type":"invalid_request_error"}}""" },
        { "stripe-lock-timeout", 429, "Too Many Requests", "application/json",
            ["Stripe-Should-Retry: true", "Request-Id: req_01A21C04B400", "Stripe-Version: 2024-06-20"],
            """{"error":{"code":"lock_timeout","doc_url":"https://stripe.com/docs/error-codes/lock-timeout","message":"This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request.","type":"invalid_request_error"}}""" },
        { "openai-rate-limit", 429, "Too Many Requests", "application/json",
            ["retry-after-ms: 1200", "x-ratelimit-limit-requests: 500", "x-ratelimit-remaining-requests: 0", "x-ratelimit-reset-requests: 1.2s",
                "x-ratelimit-limit-tokens: 30000", "x-ratelimit-remaining-tokens: 29100", "x-ratelimit-reset-tokens: 1.8s", "X-Request-ID: req_01A21C04B400"],
            """{"error":{"message":"Rate limit reached for gpt-4o in organization org-fault-lab on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 1200ms. Visit https://platform.openai.com/account/rate-limits to learn more.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""" },
        { "google-resource-exhausted", 429, "Too Many Requests", "application/json; charset=UTF-8",
            ["Vary: Origin, X-Origin, Referer", "x-goog-request-id: 01A21C04B400"],
            """{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"service":"sheets.googleapis.com","quota_metric":"sheets.googleapis.com/read_requests","quota_limit":"ReadRequestsPerMinutePerUser"}},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"}]}}""" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Each_pack_sends_exactly_its_vendors_status_headers_and_body(string pack, int status, string reason, string contentType, string[] headers, string body)
    {
        using var clients = Clients.Create(f => f.AddPack(pack));

        using var response = await clients.Client.GetAsync("/items");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(reason, response.ReasonPhrase);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(headers, response.Headers.NonValidated.Where(h => h.Key != "Date").Select(h => $"{h.Key}: {h.Value}"));
        Assert.Equal(clients.TimeProvider.GetUtcNow(), response.Headers.Date);
        Assert.All(response.Content.Headers.NonValidated, h => Assert.StartsWith("Content-", h.Key, StringComparison.Ordinal)); // the vendor headers are the response's
        Assert.EndsWith(body, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Fact]
    public async Task The_announced_wait_rounds_up_to_whole_seconds_or_milliseconds_as_each_header_carries_it()
    {
        var wait = TimeSpan.FromMilliseconds(1200.5);
        using var arm = Clients.Create(f => f.AddPack("azure-arm-throttled", retryAfter: wait));
        using var cosmos = Clients.Create(f => f.AddPack("azure-cosmos-429", retryAfter: wait));
        using var github = Clients.Create(f => f.AddPack("github-primary-rate-limit", retryAfter: wait));
        using var openai = Clients.Create(f => f.AddPack("openai-rate-limit", retryAfter: TimeSpan.FromMilliseconds(2500)));
        using var google = Clients.Create(f => f.AddPack("google-resource-exhausted", retryAfter: wait));

        Assert.Equal("2", (await arm.Client.GetAsync("/")).Headers.GetValues("Retry-After").Single());
        Assert.Equal("1201", (await cosmos.Client.GetAsync("/")).Headers.GetValues("x-ms-retry-after-ms").Single());
        Assert.Equal("1795766402", (await github.Client.GetAsync("/")).Headers.GetValues("x-ratelimit-reset").Single());
        Assert.Equal("2.5s", (await openai.Client.GetAsync("/")).Headers.GetValues("x-ratelimit-reset-requests").Single());
        Assert.Contains("\"retryDelay\":\"2s\"", await (await google.Client.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_announces_its_reset_in_seconds_with_at_most_three_decimals_rounded_up_as_its_milliseconds_are()
    {
        using var openai = Clients.Create(f => f.AddPack("openai-rate-limit", retryAfter: TimeSpan.FromTicks(12_341_000))); // 1.2341 s
        using var whole = Clients.Create(f => f.AddPack("openai-rate-limit", retryAfter: TimeSpan.FromSeconds(3)));

        using var response = await openai.Client.GetAsync("/");
        using var wholeResponse = await whole.Client.GetAsync("/");

        // Never earlier than the wait: 1.2341 s is announced as 1.235 s in both headers, not 1.234 s.
        Assert.Equal("1.235s", response.Headers.GetValues("x-ratelimit-reset-requests").Single());
        Assert.Equal("1235", response.Headers.GetValues("retry-after-ms").Single());
        Assert.Equal("3s", wholeResponse.Headers.GetValues("x-ratelimit-reset-requests").Single());
    }

    [Fact]
    public async Task The_request_id_follows_the_injected_clock_so_a_rerun_repeats_it()
    {
        using var clients = Clients.Create(f => f.AddPack("aws-s3-slowdown"));
        clients.TimeProvider.Advance(TimeSpan.FromMilliseconds(10));

        using var response = await clients.Client.GetAsync("/bucket/key");

        Assert.Equal("01A21C04B40A", response.Headers.GetValues("x-amz-request-id").Single());
    }

    [Fact]
    public void The_packs_are_listed_in_catalogue_order_and_found_by_any_casing()
    {
        Assert.Equal(
            ["azure-arm-throttled", "azure-cosmos-429", "azure-cosmos-449", "azure-cosmos-503", "aws-s3-slowdown", "aws-dynamodb-throttling",
                "github-primary-rate-limit", "github-secondary-rate-limit", "stripe-rate-limit", "stripe-lock-timeout", "openai-rate-limit", "google-resource-exhausted"],
            PackFault.Packs);
        Assert.Equal("stripe-lock-timeout", ApiPacks.Find("STRIPE-Lock-Timeout")!.Name);
        Assert.Null(ApiPacks.Find("stripe"));
        Assert.Equal("https://docs.stripe.com/rate-limits", ApiPacks.Find("stripe-rate-limit")!.Source);
    }

    [Fact]
    public void Each_packs_source_is_the_page_the_docs_cite_for_it()
    {
        string[] docs = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "fault-packs.md"));

        foreach (string name in PackFault.Packs)
        {
            // The sources table is the one whose second column is the default wait.
            string row = Assert.Single(docs, line => line.StartsWith($"| `{name}` | ", StringComparison.Ordinal) && line.Contains("](https://", StringComparison.Ordinal));
            Assert.Contains($"]({ApiPacks.Find(name)!.Source})", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validation_names_the_pack_setting_with_the_known_packs_and_accepts_a_zero_wait()
    {
        string known = string.Join(", ", PackFault.Packs);

        Assert.Empty(FaultErrors.Of(new PackFault { Pack = "aws-s3-slowdown", RetryAfter = TimeSpan.Zero }));
        Assert.Equal([$"Faults:0:Pack: missing; known packs: {known}."], FaultErrors.Of(new PackFault { Pack = " " }));
        Assert.Equal([$"Faults:0:Pack: unknown pack 'x'; known packs: {known}."], FaultErrors.Of(new PackFault { Pack = "x" }));
        Assert.Equal(["Faults:0:RetryAfter: must not be negative (was -00:00:00.0010000)."],
            FaultErrors.Of(new PackFault { Pack = "aws-s3-slowdown", RetryAfter = TimeSpan.FromMilliseconds(-1) }));
    }

    [Fact]
    public void Realizing_an_unknown_pack_outside_validation_names_it()
    {
        var context = new FaultLab.Realization.RealizationContext(Support.Clock.New(), DateTimeOffset.UnixEpoch, FaultLab.Selection.SeededRandom.Create(1, 0), null!);

        var ex = Assert.Throws<InvalidOperationException>(() => new PackFault { Pack = "github-tertiary" }.Realize(context));

        Assert.Equal("Unknown pack 'github-tertiary'.", ex.Message);
    }

    [Fact]
    public void The_builder_shorthand_sets_pack_rate_and_wait()
    {
        var pack = Assert.IsType<PackFault>(Assert.Single(FaultErrors.Built(b => b.AddPack("stripe-rate-limit", 0.5, TimeSpan.FromSeconds(3)))));

        Assert.Equal(("stripe-rate-limit", 0.5, (TimeSpan?)TimeSpan.FromSeconds(3)), (pack.Pack, pack.InjectionRate, pack.RetryAfter));
    }

    private static FaultInjectionOptions Bind(string json) =>
        FaultInjectionOptions.FromConfiguration(new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("FaultLab"));

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FaultLab.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above the test output.");
    }
}
