using FaultLab.Testing;
using static FaultLab.Testing.Tests.Verdicts.Exchanges;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>Rule 4 at its edges: a call that never ended, one that ended exactly on its budget, one a millisecond over.</summary>
public sealed class BoundedTimeTests
{
    private static readonly DependencyExchange[] Hung =
    [
        At(1, 0, outcome: ExchangeOutcome.Cancelled, took: 10, error: "TaskCanceledException"),
        At(2, 10, outcome: ExchangeOutcome.Cancelled, error: "TaskCanceledException") with { EndedAt = null },
    ];

    [Fact]
    public void A_call_the_dependency_never_saw_cannot_be_judged()
    {
        var verdict = ConformanceRules.BoundedTime([], T0, Instant(1), Instant(1));

        Assert.Equal(VerdictOutcome.NotApplicable, verdict.Outcome);
        Assert.Equal("the dependency saw no attempt", verdict.Summary);
    }

    [Fact]
    public void A_call_still_pending_when_observation_stopped_fails_with_every_attempt_as_evidence()
    {
        var verdict = ConformanceRules.BoundedTime(Hung, T0, null, Instant(600));

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("the call was still waiting when observation stopped, 600.000 s in: nothing in the client ended it", verdict.Summary);
        Assert.Equal(
        [
            "attempt 1 (GET /orders) at +0.000 s: Cancelled (TaskCanceledException), ended after 10.000 s",
            "attempt 2 (GET /orders) at +10.000 s: never ended",
        ], verdict.Evidence);
    }

    [Fact]
    public void A_call_that_ends_exactly_on_its_budget_is_within_it_and_a_millisecond_more_is_over()
    {
        var onBudget = ConformanceRules.BoundedTime(Hung, T0, Instant(20), Instant(20), TimeSpan.FromSeconds(20));
        var over = ConformanceRules.BoundedTime(Hung, T0, Instant(20.001), Instant(20.001), TimeSpan.FromSeconds(20));

        Assert.Equal(VerdictOutcome.Pass, onBudget.Outcome);
        Assert.Equal("the call ended after 20.000 s, within 20.000 s", onBudget.Summary);
        Assert.Equal(VerdictOutcome.Fail, over.Outcome);
        Assert.Equal("the call took 20.001 s, over its budget of 20.000 s", over.Summary);
        Assert.Equal(2, over.Evidence.Count);
    }

    [Fact]
    public void Without_a_budget_any_end_passes_and_the_time_counts_from_the_call_s_start()
    {
        var verdict = ConformanceRules.BoundedTime(Hung, Instant(-5), Instant(3600), Instant(3600));

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("the call ended after 3605.000 s", verdict.Summary);
        Assert.Equal("attempt 1 (GET /orders) at +5.000 s: Cancelled (TaskCanceledException), ended after 10.000 s", verdict.Evidence[0]);
    }
}
