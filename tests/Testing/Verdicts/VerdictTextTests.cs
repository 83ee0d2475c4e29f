using FaultLab.Testing;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>How verdicts read in tables and test output.</summary>
public sealed class VerdictTextTests
{
    [Theory]
    [InlineData(ConformanceRule.RespectsRetryAfter, "no retry before Retry-After")]
    [InlineData(ConformanceRule.NoUnsafeRetry, "no blind retry of POST/PATCH")]
    [InlineData(ConformanceRule.BackoffWithJitter, "backoff grows, with jitter")]
    [InlineData(ConformanceRule.BoundedTime, "a hang ends within a budget")]
    [InlineData(ConformanceRule.StopsHammeringOutage, "stops hammering an outage")]
    [InlineData(ConformanceRule.ReplacesInvalidToken, "new token after invalid_token")]
    [InlineData(ConformanceRule.StaysWithinRateLimit, "stays within the advertised limit")]
    [InlineData((ConformanceRule)99, "99")]
    public void Each_rule_has_a_title(ConformanceRule rule, string title)
    {
        Assert.Equal(title, ConformanceRules.Title(rule));
        Assert.Equal(title, Verdict.Pass(rule, "ok").Title);
    }

    [Fact]
    public void A_verdict_reads_as_one_aligned_line()
    {
        var fail = Verdict.Fail(ConformanceRule.BoundedTime, "it hung", "attempt 1", "attempt 2");
        var pass = Verdict.Pass(ConformanceRule.RespectsRetryAfter, "kept");
        var notApplicable = Verdict.NotApplicable(ConformanceRule.NoUnsafeRetry, "no POST");

        Assert.Equal("FAIL  a hang ends within a budget: it hung", fail.ToString());
        Assert.Equal("pass  no retry before Retry-After: kept", pass.ToString());
        Assert.Equal("n/a   no blind retry of POST/PATCH: no POST", notApplicable.ToString());
        Assert.Equal(["attempt 1", "attempt 2"], fail.Evidence);
        Assert.Empty(notApplicable.Evidence);
        Assert.Equal((true, false, false), (fail.Failed, pass.Failed, notApplicable.Failed));
        Assert.Equal((VerdictOutcome.Fail, VerdictOutcome.Pass, VerdictOutcome.NotApplicable), (fail.Outcome, pass.Outcome, notApplicable.Outcome));
    }

    [Fact]
    public void The_rules_keep_their_numbers()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Enum.GetValues<ConformanceRule>().Select(r => (int)r));
    }
}
