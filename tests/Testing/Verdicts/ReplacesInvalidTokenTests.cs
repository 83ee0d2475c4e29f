using FaultLab.Testing;
using static FaultLab.Testing.Tests.Verdicts.Exchanges;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>Rule 6 at its edges: which 401 says the token is invalid, and what "the same token again" is.</summary>
public sealed class ReplacesInvalidTokenTests
{
    private static readonly Dictionary<string, string> Invalid = Headers(("WWW-Authenticate", "Bearer error=\"invalid_token\""));

    private static Dictionary<string, string> Token(string fingerprint) => Headers(("Authorization", fingerprint));

    [Fact]
    public void Only_a_401_that_says_invalid_token_counts()
    {
        var verdicts = new[]
        {
            ConformanceRules.ReplacesInvalidToken([]),
            ConformanceRules.ReplacesInvalidToken([At(1, 0, 401, request: Token("Bearer #a")), At(2, 1, request: Token("Bearer #a"))]),
            ConformanceRules.ReplacesInvalidToken([At(1, 0, 401, response: Headers(("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")), request: Token("Bearer #a")), At(2, 1, request: Token("Bearer #a"))]),
            ConformanceRules.ReplacesInvalidToken([At(1, 0, 403, response: Invalid, request: Token("Bearer #a")), At(2, 1, request: Token("Bearer #a"))]),
        };

        Assert.All(verdicts, v => Assert.Equal((VerdictOutcome.NotApplicable, "no 401 with error=\"invalid_token\" was sent"), (v.Outcome, v.Summary)));
    }

    [Fact]
    public void Sending_the_rejected_token_again_fails_whatever_the_challenge_s_case()
    {
        var shouting = Headers(("WWW-Authenticate", "Bearer realm=\"api\", error=\"INVALID_TOKEN\""));
        var verdict = ConformanceRules.ReplacesInvalidToken([At(1, 1, request: Token("Bearer #a")), At(2, 2, 401, response: shouting, request: Token("Bearer #a")), At(3, 3, request: Token("Bearer #a"))]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Equal("a token the server called invalid_token was sent again", verdict.Summary);
        Assert.Equal("attempt 3 (GET /orders) at +2.000 s: 200 sent token Bearer #a again, which attempt 2 (GET /orders) at +1.000 s: 401 had rejected as invalid_token",
            Assert.Single(verdict.Evidence));
    }

    [Fact]
    public void A_new_token_no_token_or_no_later_attempt_passes()
    {
        var renewed = ConformanceRules.ReplacesInvalidToken([At(1, 0, 401, response: Invalid, request: Token("Bearer #a")), At(2, 1, request: Token("Bearer #b"))]);
        var dropped = ConformanceRules.ReplacesInvalidToken([At(1, 0, 401, response: Invalid, request: Token("Bearer #a")), At(2, 1)]);
        var stopped = ConformanceRules.ReplacesInvalidToken([At(1, 0, 401, response: Invalid, request: Token("Bearer #a"))]);
        var neverSent = ConformanceRules.ReplacesInvalidToken([At(1, 0, 401, response: Invalid), At(2, 1)]);

        Assert.Equal(VerdictOutcome.Pass, renewed.Outcome);
        Assert.Equal("no rejected token was sent again", renewed.Summary);
        Assert.Equal("attempt 1 (GET /orders) at +0.000 s: 401 rejected token Bearer #a; attempt 2 sent Bearer #b", Assert.Single(renewed.Evidence));
        Assert.Equal("attempt 1 (GET /orders) at +0.000 s: 401 rejected token Bearer #a; attempt 2 sent no token", Assert.Single(dropped.Evidence));
        Assert.Equal(VerdictOutcome.Pass, stopped.Outcome);
        Assert.Equal("attempt 1 (GET /orders) at +0.000 s: 401 (token Bearer #a); no later attempt", Assert.Single(stopped.Evidence));
        Assert.Equal(VerdictOutcome.Pass, neverSent.Outcome); // no token twice is not the same token twice
        Assert.Equal("attempt 1 (GET /orders) at +0.000 s: 401 rejected token none; attempt 2 sent no token", Assert.Single(neverSent.Evidence));
        Assert.Equal("attempt 1 (GET /orders) at +0.000 s: 401 (token none); no later attempt",
            Assert.Single(ConformanceRules.ReplacesInvalidToken([At(1, 0, 401, response: Invalid)]).Evidence));
    }

    [Fact]
    public void The_next_attempt_of_the_same_call_is_the_one_judged()
    {
        var verdict = ConformanceRules.ReplacesInvalidToken(
        [
            At(1, 0, 401, response: Invalid, request: Token("Bearer #a"), callId: "x"),
            At(2, 1, request: Token("Bearer #b"), callId: "y"),
            At(3, 2, request: Token("Bearer #a"), callId: "x"),
        ]);

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.StartsWith("attempt 3 ", Assert.Single(verdict.Evidence), StringComparison.Ordinal);
    }
}
