using FaultLab.Testing;
using static FaultLab.Testing.Tests.Verdicts.Exchanges;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>Rule 3 at its edges: what "no backoff", "does not grow" and "no jitter" mean to the millisecond.</summary>
public sealed class BackoffWithJitterTests
{
    /// <summary>One run: an attempt at each start, every one a 503 but the last.</summary>
    private static DependencyExchange[] Run(params double[] starts) => [.. starts.Select((s, i) => At(i + 1, s, i < starts.Length - 1 ? 503 : 200))];

    private static Verdict Judge(params DependencyExchange[][] runs) => ConformanceRules.BackoffWithJitter(runs);

    [Fact]
    public void No_run_that_retried_cannot_be_judged()
    {
        var none = Judge();
        var healthy = Judge(Run(0), [At(1, 0), At(2, 5)]);
        var dictated = Judge([RetryAfter(1, 0, "1"), RetryAfter(2, 1, "2"), At(3, 3)]);
        var lastFailed = Judge([At(1, 0, 503)]);

        foreach (var verdict in new[] { none, healthy, dictated, lastFailed })
        {
            Assert.Equal(VerdictOutcome.NotApplicable, verdict.Outcome);
            Assert.Equal("no run retried a failed attempt (without a Retry-After)", verdict.Summary);
        }
    }

    [Fact]
    public void One_retry_in_one_run_shows_neither_growth_nor_jitter()
    {
        var verdict = Judge(Run(0, 2));

        Assert.Equal(VerdictOutcome.NotApplicable, verdict.Outcome);
        Assert.Equal("one retry in one run: neither growth nor jitter can be judged", verdict.Summary);
    }

    [Fact]
    public void Retries_all_within_100_ms_are_no_backoff_and_one_at_100_ms_is_a_backoff()
    {
        var immediate = Judge(Run(0, 0.099, 0.198), Run(0, 0.05, 0.1));
        var atTheEdge = Judge(Run(0, 0.1, 0.3));
        var oneSlow = Judge(Run(0, 0.05, 1.05));

        Assert.Equal(VerdictOutcome.Fail, immediate.Outcome);
        Assert.Equal("no backoff: every retry came within 0.100 s of the failure it followed", immediate.Summary);
        Assert.Equal(["run 1: retried after 0.099 s, 0.099 s", "run 2: retried after 0.050 s, 0.050 s"], immediate.Evidence);
        Assert.Equal(VerdictOutcome.Pass, atTheEdge.Outcome);
        Assert.Equal("delays grow (one run: jitter not judged)", atTheEdge.Summary);
        Assert.Equal(VerdictOutcome.Pass, oneSlow.Outcome);
    }

    [Fact]
    public void A_last_delay_one_millisecond_longer_than_the_first_is_not_growth_and_two_is()
    {
        var flat = Judge(Run(0, 1, 2.001));
        var grows = Judge(Run(0, 1, 2.002));
        var shrinks = Judge(Run(0, 2, 3));

        Assert.Equal(VerdictOutcome.Fail, flat.Outcome);
        Assert.Equal("delays do not grow: the last retry waited no longer than the first", flat.Summary);
        Assert.Equal(["run 1: retried after 1.000 s, 1.001 s"], flat.Evidence);
        Assert.Equal(VerdictOutcome.Pass, grows.Outcome);
        Assert.Equal("delays grow (one run: jitter not judged)", grows.Summary);
        Assert.Equal(["run 1: retried after 1.000 s, 1.002 s"], grows.Evidence);
        Assert.Equal(VerdictOutcome.Fail, shrinks.Outcome);
    }

    [Fact]
    public void Growth_compares_the_last_delay_with_the_first_not_the_middle_ones()
    {
        var verdict = Judge(Run(0, 1, 1.5, 3.5));

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome); // 1 s, 0.5 s, 2 s: the last is longer than the first
    }

    [Fact]
    public void Growth_is_averaged_over_the_runs_that_retried_twice_or_more()
    {
        // Run 1 shrinks by 1 s, run 2 grows by 3 s: on average the last waits longer. Run 3 (one retry) is not averaged in:
        // its single 10 s delay would count as both first and last.
        var verdict = Judge(Run(0, 2, 3), Run(0, 1, 5), Run(0, 10));

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("delays grow and differ between 3 runs", verdict.Summary);
        Assert.Equal(["run 1: retried after 2.000 s, 1.000 s", "run 2: retried after 1.000 s, 4.000 s", "run 3: retried after 10.000 s"], verdict.Evidence);

        var shrinking = Judge(Run(0, 3, 4), Run(0, 1, 3));
        Assert.Equal(VerdictOutcome.Fail, shrinking.Outcome);
        Assert.Equal("delays do not grow: over 2 runs the last retry waited no longer than the first, on average", shrinking.Summary);
    }

    [Fact]
    public void Runs_whose_delays_differ_by_less_than_a_millisecond_are_in_lockstep()
    {
        var lockstep = Judge(Run(0, 1, 3), Run(0, 1.0005, 3.0005), Run(0, 0.9995, 2.9995));
        var oneMillisecondApart = Judge(Run(0, 1, 3), Run(0, 1, 3.001));

        Assert.Equal(VerdictOutcome.Fail, lockstep.Outcome);
        Assert.Equal("no jitter: all 3 runs waited the same delays, so many clients would retry in lockstep", lockstep.Summary);
        Assert.Equal(VerdictOutcome.Pass, oneMillisecondApart.Outcome);
        Assert.Equal("delays grow and differ between 2 runs", oneMillisecondApart.Summary);
    }

    [Fact]
    public void One_run_that_differs_is_jitter_and_so_is_a_run_with_more_retries()
    {
        var oneDiffers = Judge(Run(0, 1, 3), Run(0, 1, 3), Run(0, 1.5, 4));
        var moreRetries = Judge(Run(0, 1, 3), Run(0, 1, 3, 7));

        Assert.Equal(VerdictOutcome.Pass, oneDiffers.Outcome);
        Assert.Equal(VerdictOutcome.Pass, moreRetries.Outcome);
    }

    [Fact]
    public void Runs_of_one_retry_each_judge_jitter_only()
    {
        var differ = Judge(Run(0, 1), Run(0, 1.5));
        var same = Judge(Run(0, 1), Run(0, 1));

        Assert.Equal(VerdictOutcome.Pass, differ.Outcome);
        Assert.Equal("delays differ between 2 runs (one retry each: growth not judged)", differ.Summary);
        Assert.Equal(VerdictOutcome.Fail, same.Outcome);
        Assert.Equal("no jitter: all 2 runs waited the same delays, so many clients would retry in lockstep", same.Summary);
    }

    [Fact]
    public void Both_problems_are_reported_together()
    {
        var verdict = Judge(Run(0, 1, 2), Run(0, 1, 2));

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("delays do not grow: over 2 runs the last retry waited no longer than the first, on average; no jitter: all 2 runs waited the same delays, so many clients would retry in lockstep",
            verdict.Summary);
    }

    [Fact]
    public void A_run_that_did_not_retry_is_left_out_of_the_comparison()
    {
        var verdict = Judge(Run(0), Run(0, 1, 3));

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("delays grow (one run: jitter not judged)", verdict.Summary);
        Assert.Equal(["run 1: retried after 1.000 s, 2.000 s"], verdict.Evidence);
    }

    [Fact]
    public void A_delay_counts_from_when_the_failure_arrived_to_the_next_attempt_of_the_same_call()
    {
        // The first 503 took 0.5 s to come back: the client waited 1 s after it, not 1.5 s. The GET of call b is not a retry.
        var verdict = Judge(
        [
            At(1, 0, 503, took: 0.5, callId: "a"),
            At(2, 0.7, 200, callId: "b"),
            At(3, 1.5, 503, took: 0.25, callId: "a"),
            At(4, 3.75, 200, callId: "a"),
        ]);

        Assert.Equal(["run 1: retried after 1.000 s, 2.000 s"], verdict.Evidence);

        var unended = Judge([At(1, 0, 503) with { EndedAt = null }, At(2, 1, 503), At(3, 3)]);
        Assert.Equal(["run 1: retried after 1.000 s, 2.000 s"], unended.Evidence);
    }

    [Fact]
    public void A_wait_the_server_dictated_is_not_the_client_s_backoff()
    {
        var verdict = Judge([At(1, 0, 503), RetryAfter(2, 1, "5"), At(3, 6, 503), At(4, 9)]);

        Assert.Equal(["run 1: retried after 1.000 s, 3.000 s"], verdict.Evidence);
    }

    [Fact]
    public void Runs_must_not_be_null()
    {
        Assert.Throws<ArgumentNullException>(() => ConformanceRules.BackoffWithJitter(null!));
    }
}
