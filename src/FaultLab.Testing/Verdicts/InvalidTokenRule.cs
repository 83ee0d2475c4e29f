namespace FaultLab.Testing;

public static partial class ConformanceRules
{
    /// <summary>
    /// Rule 6: after a 401 whose <c>WWW-Authenticate</c> says <c>error="invalid_token"</c>, the next attempt does not
    /// send the same token again (a client that stops, or gets a new token, passes). Tokens are compared by the
    /// fingerprint <see cref="ExchangeRecorder"/> keeps, never by their value. Not applicable without such a 401.
    /// </summary>
    /// <param name="exchanges">What the dependency saw.</param>
    /// <returns>The verdict; a violation names the attempt that resent the rejected token.</returns>
    public static Verdict ReplacesInvalidToken(IEnumerable<DependencyExchange> exchanges)
    {
        var ordered = Ordered(exchanges);
        var violations = new List<string>();
        var kept = new List<string>();
        DateTimeOffset origin = ordered.Count > 0 ? ordered[0].At : default;
        for (int i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (e.StatusCode != 401 || e.ResponseHeader("WWW-Authenticate") is not { } challenge ||
                !challenge.Contains("invalid_token", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? rejected = e.RequestHeader("Authorization");
            var next = Later(ordered, i).FirstOrDefault();
            if (next is null)
            {
                kept.Add($"{e.Describe(origin)} (token {rejected ?? "none"}); no later attempt");
            }
            else if (rejected is not null && next.RequestHeader("Authorization") == rejected)
            {
                violations.Add($"{next.Describe(origin)} sent token {rejected} again, which {e.Describe(origin)} had rejected as invalid_token");
            }
            else
            {
                kept.Add($"{e.Describe(origin)} rejected token {rejected ?? "none"}; attempt {next.Attempt} sent {next.RequestHeader("Authorization") ?? "no token"}");
            }
        }

        if (violations.Count == 0 && kept.Count == 0)
        {
            return Verdict.NotApplicable(ConformanceRule.ReplacesInvalidToken, "no 401 with error=\"invalid_token\" was sent");
        }

        return violations.Count > 0
            ? Verdict.Fail(ConformanceRule.ReplacesInvalidToken, "a token the server called invalid_token was sent again", violations)
            : Verdict.Pass(ConformanceRule.ReplacesInvalidToken, "no rejected token was sent again", kept);
    }
}
