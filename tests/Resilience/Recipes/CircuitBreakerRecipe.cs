using System.Net;
using FaultLab.Testing;
using FaultLab.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 7: during an outage window the circuit opens, rejects fast without touching the dependency, probes
/// half-open after each 5 s break, and closes once the outage is over.</summary>
[Collection(RecipeCollection.Name)]
public sealed class CircuitBreakerRecipe
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Circuit_opens_in_the_outage_rejects_fast_probes_after_the_break_and_closes_after_it()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.AddStandardResilienceHandler(o => o.CircuitBreaker.MinimumThroughput = 2);
            client.AddFaultInjection(f => f.AddOutage(start: TimeSpan.Zero, duration: Outage));
        });
        host.Upstream.MapGet("/rates", """{"eur":1.0}""");

        // One caller per second of fake time, for 40 s.
        var calls = new List<Call>();
        while (host.Clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            calls.Add(await Call.MakeAsync(host));
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        foreach (var c in calls) Console.WriteLine($"CALL {c}");
        foreach (var e in host.Events.Events.Where(e => e.Name.StartsWith("OnCircuit") || e.Name == "OnRetry")) Console.WriteLine($"EV {e.Name} {e.At - host.Clock.Start} {e.Exception?.GetType().Name} {e.StatusCode}");
        Assert.Fail("explore");
    }

    private sealed record Call(TimeSpan Start, TimeSpan End, string Outcome, int AttemptsReachingNetwork)
    {
        public static async Task<Call> MakeAsync(RecipeHost host)
        {
            TimeSpan start = host.Clock.Elapsed;
            int before = host.Faults.Faults.Count + host.Upstream.RequestCount;
            string outcome;
            try
            {
                using var response = await host.GetAsync("/rates");
                outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception ex)
            {
                outcome = ex.GetType().Name;
            }

            return new Call(start, host.Clock.Elapsed, outcome, host.Faults.Faults.Count + host.Upstream.RequestCount - before);
        }
    }
}
