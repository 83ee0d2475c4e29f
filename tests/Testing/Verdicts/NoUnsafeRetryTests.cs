using FaultLab.Testing;
using static FaultLab.Testing.Tests.Verdicts.Exchanges;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>Rule 2 at its edges: which failures may have reached the server, which methods are unsafe, what a resend is.</summary>
public sealed class NoUnsafeRetryTests
{
    private const string NotApplicable = "no POST or PATCH failed after it may have reached the server (reset after send, timeout, cut body)";

    private static Dictionary<string, string> Key(string key) => Headers((ConformanceRules.IdempotencyKeyHeader, key));

    [Fact]
    public void An_empty_record_or_one_without_such_a_failure_cannot_be_judged()
    {
        var empty = ConformanceRules.NoUnsafeRetry([]);
        var idempotent = ConformanceRules.NoUnsafeRetry([At(1, 0, method: "PUT", outcome: ExchangeOutcome.ConnectionLost), At(2, 1, method: "PUT")]);
        var answered = ConformanceRules.NoUnsafeRetry([At(1, 0, 503, method: "POST"), At(2, 1, method: "POST")]);

        Assert.Equal((VerdictOutcome.NotApplicable, NotApplicable), (empty.Outcome, empty.Summary));
        Assert.Equal((VerdictOutcome.NotApplicable, NotApplicable), (idempotent.Outcome, idempotent.Summary));
        Assert.Equal((VerdictOutcome.NotApplicable, NotApplicable), (answered.Outcome, answered.Summary));
    }

    [Theory]
    [InlineData(ExchangeOutcome.ConnectionLost, VerdictOutcome.Fail)]
    [InlineData(ExchangeOutcome.Cancelled, VerdictOutcome.Fail)]
    [InlineData(ExchangeOutcome.BodyCut, VerdictOutcome.Fail)]
    [InlineData(ExchangeOutcome.NotConnected, VerdictOutcome.NotApplicable)]
    [InlineData(ExchangeOutcome.OtherError, VerdictOutcome.NotApplicable)]
    [InlineData(ExchangeOutcome.Response, VerdictOutcome.NotApplicable)]
    public void Only_a_failure_after_the_request_was_sent_makes_a_resend_unsafe(ExchangeOutcome outcome, VerdictOutcome expected)
    {
        var verdict = ConformanceRules.NoUnsafeRetry([At(1, 0, method: "POST", outcome: outcome), At(2, 1, method: "POST")]);

        Assert.Equal(expected, verdict.Outcome);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("post")]
    [InlineData("PATCH")]
    [InlineData("patch")]
    public void POST_and_PATCH_in_any_case_are_unsafe(string method)
    {
        var verdict = ConformanceRules.NoUnsafeRetry([At(1, 0, method: method, outcome: ExchangeOutcome.Cancelled, error: "TaskCanceledException"), At(2, 1, method: method)]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("1 POST/PATCH attempts were resent blindly: the server may run them twice", verdict.Summary);
        Assert.Equal($"attempt 1 ({method} /orders) at +0.000 s: Cancelled (TaskCanceledException) may have reached the server; attempt 2 ({method} /orders) at +1.000 s: 200 resent it without an Idempotency-Key",
            Assert.Single(verdict.Evidence));
    }

    [Fact]
    public void A_later_request_with_another_method_or_path_is_not_a_resend()
    {
        var verdict = ConformanceRules.NoUnsafeRetry(
        [
            At(1, 1, method: "GET"),
            At(2, 2, method: "POST", outcome: ExchangeOutcome.ConnectionLost),
            At(3, 3, method: "GET"),
            At(4, 4, method: "POST", path: "/payments"),
            At(5, 5, method: "PATCH"),
        ]);

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("no POST/PATCH that may have reached the server was resent without its Idempotency-Key", verdict.Summary);
        // Offsets count from the record's first attempt (the GET at 1 s), not from the POST.
        Assert.Equal("attempt 2 (POST /orders) at +1.000 s: ConnectionLost (HttpRequestException); not resent", Assert.Single(verdict.Evidence));
    }

    [Fact]
    public void The_same_Idempotency_Key_makes_a_resend_safe_and_another_or_none_does_not()
    {
        DependencyExchange[] Record(Dictionary<string, string>? first, Dictionary<string, string>? second) =>
            [At(1, 0, method: "POST", outcome: ExchangeOutcome.ConnectionLost, request: first), At(2, 1, method: "POST", request: second)];

        var same = ConformanceRules.NoUnsafeRetry(Record(Key("k-1"), Key("k-1")));
        var other = ConformanceRules.NoUnsafeRetry(Record(Key("k-1"), Key("k-2")));
        var dropped = ConformanceRules.NoUnsafeRetry(Record(Key("k-1"), null));
        var addedLate = ConformanceRules.NoUnsafeRetry(Record(null, Key("k-1")));
        var empty = ConformanceRules.NoUnsafeRetry(Record(Key(""), Key("")));

        Assert.Equal(VerdictOutcome.Pass, same.Outcome);
        Assert.Equal("attempt 1 (POST /orders) at +0.000 s: ConnectionLost (HttpRequestException); resent as attempt 2 with the same Idempotency-Key: k-1", Assert.Single(same.Evidence));
        Assert.Equal(VerdictOutcome.Fail, other.Outcome);
        Assert.EndsWith("resent it with another Idempotency-Key", Assert.Single(other.Evidence), StringComparison.Ordinal);
        Assert.Equal(VerdictOutcome.Fail, dropped.Outcome);
        Assert.EndsWith("resent it with another Idempotency-Key", Assert.Single(dropped.Evidence), StringComparison.Ordinal);
        Assert.Equal(VerdictOutcome.Fail, addedLate.Outcome);
        Assert.EndsWith("resent it without an Idempotency-Key", Assert.Single(addedLate.Evidence), StringComparison.Ordinal);
        Assert.Equal(VerdictOutcome.Fail, empty.Outcome); // an empty key is no key
    }

    [Fact]
    public void Every_unsafe_failure_is_judged_and_counted()
    {
        var verdict = ConformanceRules.NoUnsafeRetry(
        [
            At(1, 0, method: "POST", outcome: ExchangeOutcome.ConnectionLost, callId: "a"),
            At(2, 0, method: "POST", outcome: ExchangeOutcome.BodyCut, callId: "b"),
            At(3, 1, method: "POST", callId: "a"),
            At(4, 1, method: "POST", callId: "b"),
            At(5, 2, method: "POST", outcome: ExchangeOutcome.ConnectionLost, callId: "c"),
        ]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("2 POST/PATCH attempts were resent blindly: the server may run them twice", verdict.Summary);
        Assert.Equal(
        [
            "attempt 1 (POST /orders) at +0.000 s: ConnectionLost (HttpRequestException) may have reached the server; attempt 3 (POST /orders) at +1.000 s: 200 resent it without an Idempotency-Key",
            "attempt 2 (POST /orders) at +0.000 s: BodyCut (HttpRequestException) may have reached the server; attempt 4 (POST /orders) at +1.000 s: 200 resent it without an Idempotency-Key",
        ], verdict.Evidence);
    }
}
