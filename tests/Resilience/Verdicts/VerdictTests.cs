using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Verdicts;

/// <summary>Each rule passes for a client that keeps it and fails, with the right evidence, for one that breaks it.</summary>
public sealed class VerdictTests
{
    [Fact]
    public async Task Rule1_standard_handler_waits_every_Retry_After_delta_and_date()
    {
        var verdict = (await MatrixClients.Standard().Only("503 burst with Retry-After", "503 with Retry-After date", "429 from a rate limit").RunAsync())
            [ConformanceRule.RespectsRetryAfter];

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Contains(verdict.Evidence, e => e.StartsWith("[503 burst with Retry-After] attempt 1 (GET /orders/1) at +0.000 s: 503 with Retry-After: 2; next attempt 2", StringComparison.Ordinal));
        Assert.Contains(verdict.Evidence, e => e.StartsWith("[503 with Retry-After date]", StringComparison.Ordinal) && e.Contains("GMT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rule1_a_client_that_ignores_Retry_After_fails_with_the_early_attempt_as_evidence()
    {
        var result = await MatrixClients.Matrix(GoodAndBadClients.IgnoresRetryAfter).Only("503 burst with Retry-After").RunAsync();
        var verdict = result[ConformanceRule.RespectsRetryAfter];

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("503 burst with Retry-After: 3 of 3 Retry-After waits were cut short", verdict.Summary);
        string first = verdict.Evidence[0];
        Assert.StartsWith("[503 burst with Retry-After] attempt 2 (GET /orders/1) at +0.", first, StringComparison.Ordinal);
        Assert.Contains("before the Retry-After of attempt 1 (GET /orders/1) at +0.000 s: 503 with Retry-After: 2 (earliest allowed +2.000 s)", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule2_standard_handler_resends_a_POST_after_a_reset_without_an_Idempotency_Key()
    {
        var verdict = (await MatrixClients.Standard().Only("503 once").RunAsync())[ConformanceRule.NoUnsafeRetry];

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Contains(verdict.Evidence, e => e.StartsWith(
            "[POST, reset before headers] attempt 1 (POST /orders) at +0.000 s: ConnectionLost (HttpRequestException) may have reached the server; attempt 2 (POST /orders)", StringComparison.Ordinal)
            && e.EndsWith("resent it without an Idempotency-Key", StringComparison.Ordinal));
        Assert.Contains(verdict.Evidence, e => e.StartsWith("[POST, hang] attempt 1 (POST /orders) at +0.000 s: Cancelled (TaskCanceledException)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rule2_passes_when_unsafe_methods_are_not_retried_or_carry_the_same_Idempotency_Key()
    {
        var notRetried = (await MatrixClients.Matrix(GoodAndBadClients.DoesNotRetryUnsafe).Only("503 once").RunAsync())[ConformanceRule.NoUnsafeRetry];
        var keyed = (await MatrixClients.Standard().Only("503 once")
            .WithUnsafeCall((http, ct) =>
            {
                var post = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = new StringContent("{}") };
                post.Headers.Add("Idempotency-Key", "order-7f3a");
                return http.SendAsync(post, ct);
            }).RunAsync())[ConformanceRule.NoUnsafeRetry];

        Assert.Equal(VerdictOutcome.Pass, notRetried.Outcome);
        Assert.Contains("[POST, reset before headers] attempt 1 (POST /orders) at +0.000 s: ConnectionLost (HttpRequestException); not resent", notRetried.Evidence);
        Assert.Equal(VerdictOutcome.Pass, keyed.Outcome);
        Assert.Contains(keyed.Evidence, e => e.StartsWith("[POST, reset before headers]", StringComparison.Ordinal) && e.EndsWith("with the same Idempotency-Key: order-7f3a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rule3_standard_handler_backs_off_exponentially_with_jitter()
    {
        var verdict = (await MatrixClients.Standard().Only("503 once").RunAsync())[ConformanceRule.BackoffWithJitter];

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("delays grow and differ between 5 runs", verdict.Summary);
        Assert.Equal(5, verdict.Evidence.Count);
        Assert.All(verdict.Evidence, e => Assert.Matches(@"^run \d: retried after \d+\.\d{3} s, \d+\.\d{3} s, \d+\.\d{3} s$", e));
    }

    [Fact]
    public async Task Rule3_fixed_delays_fail_both_growth_and_jitter()
    {
        var verdict = (await MatrixClients.Matrix(GoodAndBadClients.FixedDelays).Only("503 once").RunAsync())[ConformanceRule.BackoffWithJitter];

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("delays do not grow: over 5 runs the last retry waited no longer than the first, on average; no jitter: all 5 runs waited the same delays, so many clients would retry in lockstep", verdict.Summary);
        Assert.All(verdict.Evidence, e => Assert.EndsWith("retried after 1.000 s, 1.000 s, 1.000 s", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rule4_standard_handler_ends_a_hang_at_its_30_s_total_timeout()
    {
        var verdict = (await MatrixClients.Standard().Only("hang").RunAsync())[ConformanceRule.BoundedTime];

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("the call ended after 30.000 s", verdict.Summary);
        Assert.Equal("attempt 1 (GET /orders/1) at +0.000 s: Cancelled (TaskCanceledException), ended after 10.000 s", verdict.Evidence[0]);
    }

    [Fact]
    public async Task Rule4_a_client_without_any_timeout_never_ends_a_hang()
    {
        var matrix = ResilienceMatrix.ForHttpClient("no-timeout", s => GoodAndBadClients.NoTimeout(s, "no-timeout", MatrixClients.BaseAddress),
            (http, ct) => http.GetAsync("/orders/1", ct)).Only("hang");
        matrix.Limit = TimeSpan.FromMinutes(2);

        var result = await matrix.RunAsync();
        var verdict = result[ConformanceRule.BoundedTime];

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.StartsWith("the call was still waiting when observation stopped", verdict.Summary, StringComparison.Ordinal);
        Assert.Equal("attempt 1 (GET /orders/1) at +0.000 s: never ended", Assert.Single(verdict.Evidence));
        Assert.Equal(MatrixOutcome.Failed, result["hang"].Outcome);
        Assert.False(result["hang"].Ended);
    }

    [Fact]
    public async Task Rule4_a_budget_tighter_than_the_client_s_timeouts_fails()
    {
        var matrix = MatrixClients.Standard().Only("hang");
        matrix.TimeBudget = TimeSpan.FromSeconds(20);

        var verdict = (await matrix.RunAsync())[ConformanceRule.BoundedTime];

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("the call took 30.000 s, over its budget of 20.000 s", verdict.Summary);
    }

    [Fact]
    public async Task Rule5_standard_breaker_cuts_the_attempt_rate_during_an_outage_and_retries_alone_do_not()
    {
        var standard = (await MatrixClients.Standard().Only("503 once").RunAsync())[ConformanceRule.StopsHammeringOutage];
        var retryOnly = (await MatrixClients.Matrix(GoodAndBadClients.RetriesWithoutBreaker).Only("503 once").RunAsync())[ConformanceRule.StopsHammeringOutage];

        Assert.Equal(VerdictOutcome.Pass, standard.Outcome);
        Assert.Equal(VerdictOutcome.Fail, retryOnly.Outcome);
        Assert.Equal("first quarter (+0.000 s to +15.000 s): 4.00 attempts/s", retryOnly.Evidence[0]);
        Assert.Equal("last quarter (+45.000 s to +60.000 s): 4.00 attempts/s", retryOnly.Evidence[1]);
        Assert.StartsWith("attempts per second fell only 0 %", retryOnly.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule6_a_client_that_refreshes_its_token_passes_and_survives_the_expiry()
    {
        var tokens = new GoodAndBadClients.TokenIssuer();
        var result = await MatrixClients.Matrix(c => GoodAndBadClients.RefreshesToken(c, tokens)).Only("expired token").RunAsync();
        var verdict = result[ConformanceRule.ReplacesInvalidToken];

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal(MatrixOutcome.Survived, result["expired token"].Outcome);
        Assert.Equal(2, result["expired token"].Attempts);
        Assert.Equal($"[expired token] attempt 1 (GET /orders/1) at +0.000 s: 401 rejected token {ExchangeRecorder.Fingerprint("Bearer token-1")}; attempt 2 sent {ExchangeRecorder.Fingerprint("Bearer token-2")}",
            Assert.Single(verdict.Evidence));
    }

    [Fact]
    public async Task Rule6_a_client_that_resends_the_rejected_token_fails_naming_its_fingerprint()
    {
        var tokens = new GoodAndBadClients.TokenIssuer();
        var result = await MatrixClients.Matrix(c => GoodAndBadClients.RetriesSameToken(c, tokens)).Only("expired token").RunAsync();
        var verdict = result[ConformanceRule.ReplacesInvalidToken];

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        string fingerprint = ExchangeRecorder.Fingerprint("Bearer token-1");
        Assert.Equal($"[expired token] attempt 2 (GET /orders/1) at +0.000 s: 401 sent token {fingerprint} again, which attempt 1 (GET /orders/1) at +0.000 s: 401 had rejected as invalid_token",
            verdict.Evidence[0]);
        Assert.DoesNotContain(verdict.Evidence, e => e.Contains("token-1", StringComparison.Ordinal)); // the secret itself never appears
        Assert.Equal(MatrixOutcome.Failed, result["expired token"].Outcome);
    }

    [Fact]
    public async Task Rule7_standard_handler_exceeds_the_advertised_limit_and_a_pacing_client_stays_within_it()
    {
        var standard = (await MatrixClients.Standard().Only("503 once").RunAsync())[ConformanceRule.StaysWithinRateLimit];
        var pacing = (await MatrixClients.Matrix(c => c.AddHttpMessageHandler(sp =>
            new GoodAndBadClients.PacingHandler(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(1)))).Only("503 once").RunAsync())
            [ConformanceRule.StaysWithinRateLimit];

        Assert.Equal(VerdictOutcome.Fail, standard.Outcome);
        Assert.Matches(@"^\d+ attempts in 1\.000 s from \+\d\.\d{3} s \(attempts \d+ to \d+\), over the limit 5 per 1\.000 s, advertised by attempt 6 \(GET /orders/1\) at \+0\.500 s: 429$", standard.Summary);
        Assert.Equal(VerdictOutcome.Pass, pacing.Outcome);
        Assert.Equal("at most 5 attempts in any 1.000 s after the 429", pacing.Summary);
    }
}
