using FaultLab.Testing;

namespace FaultLab.Tests.Verdicts;

/// <summary>The rules as pure functions of a record, for records made anywhere (a load run, a proxy log).</summary>
public sealed class ConformanceRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static DependencyExchange At(int attempt, double seconds, int? status = 200, string method = "GET", string? callId = null,
        ExchangeOutcome outcome = ExchangeOutcome.Response, Dictionary<string, string>? response = null, Dictionary<string, string>? request = null) =>
        new(attempt, T0.AddSeconds(seconds), T0.AddSeconds(seconds), method, "/orders", request ?? [], outcome,
            outcome == ExchangeOutcome.Response ? status : null, response ?? [], outcome == ExchangeOutcome.Response ? null : "HttpRequestException", callId);

    [Fact]
    public void Retry_After_as_an_HTTP_date_is_an_instant_judged_to_the_second()
    {
        var date = new Dictionary<string, string> { ["Retry-After"] = T0.AddSeconds(10).ToString("r") };
        var early = ConformanceRules.RespectsRetryAfter([At(1, 0, 503, response: date), At(2, 8.5)]);
        var onTime = ConformanceRules.RespectsRetryAfter([At(1, 0, 503, response: date), At(2, 9.5)]);

        Assert.Equal(VerdictOutcome.Fail, early.Outcome);
        Assert.Contains("came 1.500 s before the Retry-After", early.Evidence[0], StringComparison.Ordinal);
        Assert.Equal(VerdictOutcome.Pass, onTime.Outcome); // within the date's one-second resolution
    }

    [Fact]
    public void Attempts_of_other_calls_do_not_count_as_retries()
    {
        var wait = new Dictionary<string, string> { ["Retry-After"] = "5" };
        var verdict = ConformanceRules.RespectsRetryAfter([At(1, 0, 429, callId: "a", response: wait), At(2, 1, callId: "b"), At(3, 5, callId: "a")]);

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal(VerdictOutcome.NotApplicable, ConformanceRules.RespectsRetryAfter([At(1, 0, 503), At(2, 0.1)]).Outcome);
    }

    [Fact]
    public void A_POST_that_never_connected_may_be_retried_one_that_was_reset_may_not()
    {
        var neverConnected = ConformanceRules.NoUnsafeRetry([At(1, 0, method: "POST", outcome: ExchangeOutcome.NotConnected), At(2, 1, method: "POST")]);
        var reset = ConformanceRules.NoUnsafeRetry([At(1, 0, method: "PATCH", outcome: ExchangeOutcome.ConnectionLost), At(2, 1, method: "PATCH")]);

        Assert.Equal(VerdictOutcome.NotApplicable, neverConnected.Outcome);
        Assert.Equal(VerdictOutcome.Fail, reset.Outcome);
        Assert.Equal("attempt 1 (PATCH /orders) at +0.000 s: ConnectionLost (HttpRequestException) may have reached the server; attempt 2 (PATCH /orders) at +1.000 s: 200 resent it without an Idempotency-Key",
            Assert.Single(reset.Evidence));
    }

    [Fact]
    public void Backoff_is_judged_on_the_average_so_one_shorter_jittered_delay_does_not_fail_it()
    {
        DependencyExchange[] Run(params double[] starts) => [.. starts.Select((s, i) => At(i + 1, s, i < starts.Length - 1 ? 503 : 200))];

        var jittered = ConformanceRules.BackoffWithJitter([Run(0, 2.5, 5.4, 6.3), Run(0, 1.7, 3.6, 7.6), Run(0, 2.1, 5.9, 10.7)]);
        var shrinking = ConformanceRules.BackoffWithJitter([Run(0, 4, 6, 7), Run(0, 3.9, 5.8, 6.7)]);

        Assert.Equal(VerdictOutcome.Pass, jittered.Outcome);
        Assert.Equal("run 1: retried after 2.500 s, 2.900 s, 0.900 s", jittered.Evidence[0]);
        Assert.Equal(VerdictOutcome.Fail, shrinking.Outcome);
        Assert.StartsWith("delays do not grow: over 2 runs", shrinking.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_s_window_comes_from_RateLimit_Policy_and_without_one_the_rule_cannot_judge()
    {
        var policy = new Dictionary<string, string> { ["RateLimit-Limit"] = "2", ["RateLimit-Policy"] = "2;w=10" };
        var bare = new Dictionary<string, string> { ["RateLimit-Limit"] = "2" };

        var over = ConformanceRules.StaysWithinRateLimit([At(1, 0, 429, response: policy), At(2, 3), At(3, 6)]);
        var within = ConformanceRules.StaysWithinRateLimit([At(1, 0, 429, response: policy), At(2, 10), At(3, 20)]);
        var unknown = ConformanceRules.StaysWithinRateLimit([At(1, 0, 429, response: bare), At(2, 0.1), At(3, 0.2)]);

        Assert.Equal(VerdictOutcome.Fail, over.Outcome);
        Assert.StartsWith("3 attempts in 10.000 s from +0.000 s (attempts 1 to 3), over the limit 2 per 10.000 s", over.Summary, StringComparison.Ordinal);
        Assert.Equal(VerdictOutcome.Pass, within.Outcome);
        Assert.Equal(VerdictOutcome.NotApplicable, unknown.Outcome);
    }

    [Fact]
    public void The_recorder_keeps_only_a_fingerprint_of_the_token()
    {
        string fingerprint = ExchangeRecorder.Fingerprint("Bearer s3cr3t-token");

        Assert.Matches("^Bearer #[0-9a-f]{8}$", fingerprint);
        Assert.DoesNotContain("s3cr3t", fingerprint, StringComparison.Ordinal);
        Assert.Equal(fingerprint, ExchangeRecorder.Fingerprint("Bearer s3cr3t-token"));
        Assert.NotEqual(fingerprint, ExchangeRecorder.Fingerprint("Bearer other-token"));
    }
}
