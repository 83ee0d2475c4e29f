using FaultLab.Testing;
using static FaultLab.Testing.Tests.Verdicts.Exchanges;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>Rule 7 at its edges: which 429 advertises a limit, where its window comes from, and the sliding span's bounds.</summary>
public sealed class StaysWithinRateLimitTests
{
    private static readonly Dictionary<string, string> TwoPerSecond = Headers(("RateLimit-Limit", "2"), ("RateLimit-Policy", "2;w=1"));

    private static DependencyExchange Limited(int attempt, double seconds, Dictionary<string, string>? headers = null) =>
        At(attempt, seconds, 429, response: headers ?? TwoPerSecond);

    [Fact]
    public void Without_a_429_that_advertises_a_limit_the_rule_cannot_judge()
    {
        var verdicts = new[]
        {
            ConformanceRules.StaysWithinRateLimit([]),
            ConformanceRules.StaysWithinRateLimit([At(1, 0, 429), At(2, 0.1), At(3, 0.2)], TimeSpan.FromSeconds(1)),
            ConformanceRules.StaysWithinRateLimit([At(1, 0, 200, response: TwoPerSecond), At(2, 0.1), At(3, 0.2)]),
            ConformanceRules.StaysWithinRateLimit([Limited(1, 0, Headers(("RateLimit-Limit", "many"))), At(2, 0.1), At(3, 0.2)], TimeSpan.FromSeconds(1)),
        };

        Assert.All(verdicts, v => Assert.Equal((VerdictOutcome.NotApplicable, "no 429 advertised a limit"), (v.Outcome, v.Summary)));
    }

    [Fact]
    public void A_limit_without_its_window_cannot_be_judged_nor_can_an_empty_window()
    {
        var bare = ConformanceRules.StaysWithinRateLimit([Limited(1, 0, Headers(("RateLimit-Limit", "2"))), At(2, 0.1), At(3, 0.2)]);
        var noW = ConformanceRules.StaysWithinRateLimit([Limited(1, 0, Headers(("RateLimit-Limit", "2"), ("RateLimit-Policy", "2;q=1"))), At(2, 0.1), At(3, 0.2)]);
        var zero = ConformanceRules.StaysWithinRateLimit([Limited(1, 0), At(2, 0.1), At(3, 0.2)], TimeSpan.Zero);

        Assert.All(new[] { bare, noW, zero }, v => Assert.Equal(
            (VerdictOutcome.NotApplicable, "the limit (2) came without its window (no RateLimit-Policy); pass the window to judge it"), (v.Outcome, v.Summary)));
    }

    [Fact]
    public void Exactly_the_limit_in_a_window_passes_and_the_span_excludes_its_end()
    {
        // 0, 0.5 and 1.0: the span from 0 holds 0 and 0.5 only (1.0 is the next window's).
        var verdict = ConformanceRules.StaysWithinRateLimit([Limited(1, 0), At(2, 0.5), At(3, 1.0), At(4, 1.5)]);

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("at most 2 attempts in any 1.000 s after the 429", verdict.Summary);
        Assert.Equal("limit 2 per 1.000 s, advertised by attempt 1 (GET /orders) at +0.000 s: 429", Assert.Single(verdict.Evidence));
    }

    [Fact]
    public void One_attempt_over_the_limit_fails_naming_the_first_busiest_span()
    {
        var verdict = ConformanceRules.StaysWithinRateLimit([Limited(1, 0), At(2, 0.4), At(3, 0.999), At(4, 5), At(5, 5.1), At(6, 5.2)]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("3 attempts in 1.000 s from +0.000 s (attempts 1 to 3), over the limit 2 per 1.000 s, advertised by attempt 1 (GET /orders) at +0.000 s: 429", verdict.Summary);
        Assert.Equal(
        [
            "attempt 1 (GET /orders) at +0.000 s: 429",
            "attempt 2 (GET /orders) at +0.400 s: 200",
            "attempt 3 (GET /orders) at +0.999 s: 200",
        ], verdict.Evidence);
    }

    [Fact]
    public void The_busiest_span_is_found_wherever_it_is()
    {
        var verdict = ConformanceRules.StaysWithinRateLimit([Limited(1, 0), At(2, 2), At(3, 4), At(4, 4.1), At(5, 4.2), At(6, 4.3), At(7, 9)]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.StartsWith("4 attempts in 1.000 s from +4.000 s (attempts 3 to 6), over the limit 2", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Attempts_before_the_first_limited_429_are_not_judged()
    {
        // A burst before the limit was known, then a plain 429, then the 429 that advertised it: judging starts there.
        var verdict = ConformanceRules.StaysWithinRateLimit([At(1, 0), At(2, 0.1), At(3, 0.2), At(4, 0.3, 429), Limited(5, 0.4), At(6, 2), At(7, 2.5)]);

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("limit 2 per 1.000 s, advertised by attempt 5 (GET /orders) at +0.400 s: 429", Assert.Single(verdict.Evidence));
    }

    [Fact]
    public void The_window_given_wins_over_the_advertised_one_and_GitHub_s_header_is_read()
    {
        var github = Headers(("X-RateLimit-Limit", "3, 3;w=60"), ("RateLimit-Policy", "3;w=60"));
        DependencyExchange[] record = [Limited(1, 0, github), At(2, 20), At(3, 40), At(4, 59)];

        var advertised = ConformanceRules.StaysWithinRateLimit(record);
        var given = ConformanceRules.StaysWithinRateLimit(record, TimeSpan.FromSeconds(30));

        Assert.Equal(VerdictOutcome.Fail, advertised.Outcome);
        Assert.StartsWith("4 attempts in 60.000 s from +0.000 s (attempts 1 to 4), over the limit 3 per 60.000 s", advertised.Summary, StringComparison.Ordinal);
        Assert.Equal(VerdictOutcome.Pass, given.Outcome);
        Assert.Equal("at most 2 attempts in any 30.000 s after the 429", given.Summary);
    }
}
