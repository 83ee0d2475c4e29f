using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>
/// Recipes run one at a time: RunUntilComplete waits for the process to go quiet before each advance of the fake
/// clock, and recipes running beside each other would keep it busy (slower, never wrong). The warm-up runs the
/// resilience and fault code paths once, so no recipe pays the process's first-call costs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RecipeCollection : ICollectionFixture<RecipeWarmup>
{
    public const string Name = "Recipes";
}

/// <summary>One retried call and one hedged call on the fake clock, before the first recipe.</summary>
public sealed class RecipeWarmup
{
    public RecipeWarmup()
    {
        using var retried = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler();
            client.AddFaultScript(s => s.Status(HttpStatusCode.ServiceUnavailable).Hang().ThenPass());
        });
        retried.GetAsync("/warm-up").GetAwaiter().GetResult().Dispose();

        using var hedged = RecipeHost.Create(client =>
        {
            client.AddStandardHedgingHandler();
            client.AddFaultScript(s => s.Latency(TimeSpan.FromSeconds(5)).ThenPass());
        });
        hedged.GetAsync("/warm-up").GetAwaiter().GetResult().Dispose();
    }
}
