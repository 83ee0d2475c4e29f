using System.Globalization;
using FaultLab.Testing;
using static FaultLab.Testing.Tests.Verdicts.Exchanges;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>Rule 1 at its edges: what counts as "too early" for a delta and for an HTTP-date, and which responses ask at all.</summary>
public sealed class RespectsRetryAfterTests
{
    [Fact]
    public void An_empty_record_cannot_be_judged()
    {
        var verdict = ConformanceRules.RespectsRetryAfter([]);

        Assert.Equal(VerdictOutcome.NotApplicable, verdict.Outcome);
        Assert.Equal("the dependency saw no attempt", verdict.Summary);
        Assert.Empty(verdict.Evidence);
    }

    [Fact]
    public void Only_a_429_or_503_asks_for_a_wait()
    {
        var verdict = ConformanceRules.RespectsRetryAfter([RetryAfter(1, 0, "5", status: 500), RetryAfter(2, 0.1, "5", status: 200), At(3, 0.2)]);

        Assert.Equal(VerdictOutcome.NotApplicable, verdict.Outcome);
        Assert.Equal("no 429 or 503 with Retry-After was sent", verdict.Summary);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void A_429_and_a_503_both_ask_for_a_wait(int status)
    {
        var verdict = ConformanceRules.RespectsRetryAfter([RetryAfter(1, 0, "5", status), At(2, 1)]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("1 of 1 Retry-After waits were cut short", verdict.Summary);
        Assert.Equal($"attempt 2 (GET /orders) at +1.000 s: 200 came 4.000 s before the Retry-After of attempt 1 (GET /orders) at +0.000 s: {status} with Retry-After: 5 (earliest allowed +5.000 s)",
            Assert.Single(verdict.Evidence));
    }

    [Fact]
    public void A_delta_counts_from_when_the_response_arrived_and_one_millisecond_early_is_still_on_time()
    {
        // The 503 arrived 0.5 s after it was sent: a Retry-After of 2 allows the next attempt at +2.500 s.
        DependencyExchange[] Record(double next) => [RetryAfter(1, 0, "2", took: 0.5), At(2, next)];

        var exact = ConformanceRules.RespectsRetryAfter(Record(2.5));
        var oneMillisecondEarly = ConformanceRules.RespectsRetryAfter(Record(2.499));
        var twoMillisecondsEarly = ConformanceRules.RespectsRetryAfter(Record(2.498));
        var fromSend = ConformanceRules.RespectsRetryAfter(Record(2.0));

        Assert.Equal(VerdictOutcome.Pass, exact.Outcome);
        Assert.Equal("every one of 1 Retry-After waits was kept", exact.Summary);
        Assert.Equal("attempt 1 (GET /orders) at +0.000 s: 503 with Retry-After: 2; next attempt 2 (GET /orders) at +2.500 s: 200, 0.000 s after it was allowed",
            Assert.Single(exact.Evidence));
        Assert.Equal(VerdictOutcome.Pass, oneMillisecondEarly.Outcome); // fake timers keep whole milliseconds
        Assert.Equal(VerdictOutcome.Fail, twoMillisecondsEarly.Outcome);
        Assert.Equal(VerdictOutcome.Fail, fromSend.Outcome); // 2 s after the send is 0.5 s before the response's 2 s were up
        Assert.Equal("attempt 2 (GET /orders) at +2.000 s: 200 came 0.500 s before the Retry-After of attempt 1 (GET /orders) at +0.000 s: 503 with Retry-After: 2 (earliest allowed +2.500 s)",
            Assert.Single(fromSend.Evidence));
    }

    [Fact]
    public void A_date_is_judged_to_its_one_second_resolution_and_no_finer()
    {
        var date = Instant(10).ToString("r");
        DependencyExchange[] Record(double next) => [RetryAfter(1, 0, date, took: 0.5), At(2, next)];

        Assert.Equal(VerdictOutcome.Pass, ConformanceRules.RespectsRetryAfter(Record(9.0)).Outcome);
        var early = ConformanceRules.RespectsRetryAfter(Record(8.999));

        Assert.Equal(VerdictOutcome.Fail, early.Outcome);
        Assert.Equal($"attempt 2 (GET /orders) at +8.999 s: 200 came 1.001 s before the Retry-After of attempt 1 (GET /orders) at +0.000 s: 503 with Retry-After: {date} (earliest allowed +10.000 s)",
            Assert.Single(early.Evidence));
    }

    [Fact]
    public void Each_wait_is_counted_and_the_last_response_with_no_later_attempt_is_kept()
    {
        var verdict = ConformanceRules.RespectsRetryAfter([RetryAfter(1, 0, "1"), RetryAfter(2, 0.5, "1", status: 429), RetryAfter(3, 2, "1")]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("1 of 3 Retry-After waits were cut short", verdict.Summary);
        Assert.Equal("attempt 2 (GET /orders) at +0.500 s: 429 came 0.500 s before the Retry-After of attempt 1 (GET /orders) at +0.000 s: 503 with Retry-After: 1 (earliest allowed +1.000 s)",
            Assert.Single(verdict.Evidence));

        var kept = ConformanceRules.RespectsRetryAfter([RetryAfter(1, 0, "1"), RetryAfter(2, 1, "1", status: 429), RetryAfter(3, 2.5, "1")]);
        Assert.Equal(VerdictOutcome.Pass, kept.Outcome);
        Assert.Equal(
        [
            "attempt 1 (GET /orders) at +0.000 s: 503 with Retry-After: 1; next attempt 2 (GET /orders) at +1.000 s: 429, 0.000 s after it was allowed",
            "attempt 2 (GET /orders) at +1.000 s: 429 with Retry-After: 1; next attempt 3 (GET /orders) at +2.500 s: 503, 0.500 s after it was allowed",
            "attempt 3 (GET /orders) at +2.500 s: 503 with Retry-After: 1; no later attempt",
        ], kept.Evidence);
    }

    [Fact]
    public void The_record_is_read_in_send_order_then_attempt_order_whatever_order_it_was_given_in()
    {
        // Attempt 2 went out at the same instant as the 503 that asked for 5 s: it is the 503's "next", and early.
        var verdict = ConformanceRules.RespectsRetryAfter([At(3, 6), At(2, 0), RetryAfter(1, 0, "5")]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.StartsWith("attempt 2 (GET /orders) at +0.000 s: 200 came 5.000 s before", Assert.Single(verdict.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public void The_next_attempt_of_the_same_call_is_the_one_judged()
    {
        var verdict = ConformanceRules.RespectsRetryAfter([RetryAfter(1, 0, "5", callId: "a"), At(2, 1, callId: "b"), At(3, 2, callId: "a")]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.StartsWith("attempt 3 (GET /orders) at +2.000 s: 200 came 3.000 s before", Assert.Single(verdict.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public void Ready_at_reads_a_delta_from_the_arrival_and_a_date_as_an_instant()
    {
        var date = Instant(30);

        Assert.Equal(new RetryAfterWait(Instant(3.5), false, "3"), ConformanceRules.RetryAfterReadyAt(RetryAfter(1, 0, " 3 ", took: 0.5)));
        Assert.Equal(new RetryAfterWait(Instant(3), false, "3"), ConformanceRules.RetryAfterReadyAt(RetryAfter(1, 0, "3") with { EndedAt = null }));
        Assert.Equal(new RetryAfterWait(date, true, date.ToString("r", CultureInfo.InvariantCulture)), ConformanceRules.RetryAfterReadyAt(RetryAfter(1, 0, $" {date:r} ")));
        Assert.Null(ConformanceRules.RetryAfterReadyAt(RetryAfter(1, 0, "")));
        Assert.Null(ConformanceRules.RetryAfterReadyAt(RetryAfter(1, 0, "-3")));
        Assert.Null(ConformanceRules.RetryAfterReadyAt(RetryAfter(1, 0, "soon")));
        Assert.Null(ConformanceRules.RetryAfterReadyAt(At(1, 0, 503)));
        // Only a 429 or 503 asks (as the verdict judges), and an exchange that got no response asks nothing.
        Assert.Null(ConformanceRules.RetryAfterReadyAt(RetryAfter(1, 0, "3", status: 500)));
        Assert.Null(ConformanceRules.RetryAfterReadyAt(RetryAfter(1, 0, "3") with { StatusCode = null }));
        Assert.Throws<ArgumentNullException>(() => ConformanceRules.RetryAfterReadyAt(null!));
    }
}
