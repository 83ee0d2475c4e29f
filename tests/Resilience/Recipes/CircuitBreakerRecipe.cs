using System.Net;
using FaultLab.Testing;
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

        // Opens within the sampling window: at the second failed attempt (MinimumThroughput 2), the first retry of the first call.
        var opened = host.Events.Named("OnCircuitOpened");
        Assert.Equal(host.Clock.Start + TestClock.TimerDelay(host.Events.RetryDelays[0]), opened[0].At);

        // Closed → Open, then (HalfOpen → Open)* while the outage lasts, then HalfOpen → Closed.
        var transitions = host.Events.CircuitTransitions.Select(t => t.State).ToList();
        Assert.Equal(CircuitState.Open, transitions[0]);
        Assert.Equal([CircuitState.HalfOpen, CircuitState.Closed], transitions.TakeLast(2));
        for (int i = 1; i < transitions.Count - 1; i++)
        {
            Assert.Equal(i % 2 == 1 ? CircuitState.HalfOpen : CircuitState.Open, transitions[i]);
        }

        // Each probe comes no sooner than the 5 s break after the circuit opened.
        var halfOpened = host.Events.Named("OnCircuitHalfOpened");
        Assert.All(halfOpened.Zip(opened), pair => Assert.True(pair.First.At - pair.Second.At >= TimeSpan.FromSeconds(5)));

        // While open, calls are rejected at once and nothing reaches the network; the dependency itself is never
        // touched during the outage.
        var rejectedFast = calls.Where(c => c.AttemptsReachingNetwork == 0).ToList();
        Assert.NotEmpty(rejectedFast);
        Assert.All(rejectedFast, c => Assert.Equal((nameof(BrokenCircuitException), TimeSpan.Zero), (c.Outcome, c.End - c.Start)));
        Assert.All(host.Upstream.Requests, r => Assert.True(r.ReceivedAt - host.Clock.Start >= Outage));

        // The probe after the outage closes the circuit; from then on every call succeeds in one attempt.
        var closedAt = host.Events.Named("OnCircuitClosed").Single().At - host.Clock.Start;
        Assert.InRange(closedAt, Outage, Outage + TimeSpan.FromSeconds(6));
        Assert.All(calls.Where(c => c.Start >= closedAt), c => Assert.Equal(("200", 1), (c.Outcome, c.AttemptsReachingNetwork)));

        // What users may not expect: the call during which the circuit opens does not end with the 503 it got, but
        // with BrokenCircuitException, after a retry delay spent waiting for an attempt the open circuit then rejects.
        Assert.Equal((nameof(BrokenCircuitException), 2), (calls[0].Outcome, calls[0].AttemptsReachingNetwork));
        Assert.Equal(TestClock.TimerDelay(host.Events.RetryDelays[0]) + TestClock.TimerDelay(host.Events.RetryDelays[1]), calls[0].End);
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
