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
