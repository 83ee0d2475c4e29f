using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Faults;

/// <summary>The C# and JSON blocks of docs/fault-packs.md and docs/contract-drift.md, run as written.</summary>
public sealed class CatalogueDocsSnippetTests
{
    [Fact]
    public async Task The_fault_packs_snippets_register_and_the_JSON_binds()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("github")
            .AddStandardResilienceHandler();
        services.AddHttpClient("github")
            .AddFaultInjection(f => f.WithSeed(42).AddPack("github-secondary-rate-limit", injectionRate: 0.05));
        services.AddHttpClient("github").ConfigurePrimaryHttpMessageHandler(() => new ContractDriftFaultTests.Answer("{}", () => 0));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("github");

        int limited = 0;
        for (int i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync("http://api.github.test/repos/o/r");
            limited += response.StatusCode == HttpStatusCode.Forbidden ? 1 : 0;
        }

        Assert.InRange(limited, 1, 25); // 5 % of 200, never retried (403)

        var json = Bind("""{ "FaultLab": { "Faults": [ { "Kind": "Pack", "Pack": "github-secondary-rate-limit", "InjectionRate": 0.05, "RetryAfter": "00:01:00" } ] } }""");
        Assert.Empty(json.Validate());
    }

    [Fact]
    public async Task The_contract_drift_snippets_register_and_the_JSON_binds()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("orders")
            .AddFaultInjection(f => f.WithSeed(42)
                .AddContractDrift(ContractChange.ChangeType, "$.lines[*].qty", injectionRate: 0.1)
                .AddContractDrift(d => { d.Change = ContractChange.RenameField; d.Path = "$.total"; d.NewName = "amount"; }));
        services.AddHttpClient("catalog", c => c.MaxResponseContentBufferSize = 1024 * 1024)
            .AddFaultInjection(f => f.AddOversizedPayload(o => { o.Path = "$.items"; o.Megabytes = 2; o.BytesPerSecond = 512 * 1024; }));
        services.AddHttpClient("orders").ConfigurePrimaryHttpMessageHandler(() =>
            new ContractDriftFaultTests.Answer("""{"total":3,"lines":[{"qty":1}]}""", () => 0));
        await using var provider = services.BuildServiceProvider();
        var orders = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        var body = await orders.GetFromJsonAsync<JsonElement>("http://orders.test/orders/1");

        Assert.Equal(3, body.GetProperty("amount").GetInt32());
        Assert.False(body.TryGetProperty("total", out _));

        var json = Bind("""{ "FaultLab": { "Faults": [ { "Kind": "ContractDrift", "Change": "UnknownEnumValue", "Path": "$.status", "EnumValue": "REFUNDED_PARTIALLY", "InjectionRate": 0.05 } ] } }""");
        Assert.Empty(json.Validate());
    }

    private static FaultInjectionOptions Bind(string json) =>
        FaultInjectionOptions.FromConfiguration(new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("FaultLab"));
}
