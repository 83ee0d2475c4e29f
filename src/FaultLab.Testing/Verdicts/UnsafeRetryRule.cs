namespace FaultLab.Testing;

public static partial class ConformanceRules
{
    /// <summary>The header of the IETF Idempotency-Key draft that makes a POST or PATCH safe to resend.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Rule 2: a POST or PATCH that failed where it may have reached the server (the connection died after it was sent,
    /// the client timed out, the body was cut) is not resent automatically, unless both attempts carry the same
    /// <c>Idempotency-Key</c>. Not applicable when no such failure happened.
    /// </summary>
    /// <param name="exchanges">What the dependency saw.</param>
    /// <returns>The verdict; each violation names the failed attempt and its blind resend.</returns>
    public static Verdict NoUnsafeRetry(IEnumerable<DependencyExchange> exchanges)
    {
        var ordered = Ordered(exchanges);
        var violations = new List<string>();
        var kept = new List<string>();
        DateTimeOffset origin = ordered.Count > 0 ? ordered[0].At : default;
        for (int i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (!IsUnsafe(e.Method) || !e.MayHaveReachedServer)
            {
                continue;
            }

            var resend = Later(ordered, i).FirstOrDefault(x => x.Method == e.Method && x.Path == e.Path);
            string key = e.RequestHeader(IdempotencyKeyHeader) ?? string.Empty;
            if (resend is null)
            {
                kept.Add($"{e.Describe(origin)}; not resent");
            }
            else if (key.Length > 0 && resend.RequestHeader(IdempotencyKeyHeader) == key)
            {
                kept.Add($"{e.Describe(origin)}; resent as attempt {resend.Attempt} with the same {IdempotencyKeyHeader}: {key}");
            }
            else
            {
                string why = key.Length == 0 ? $"without an {IdempotencyKeyHeader}" : $"with another {IdempotencyKeyHeader}";
                violations.Add($"{e.Describe(origin)} may have reached the server; {resend.Describe(origin)} resent it {why}");
            }
        }

        if (violations.Count == 0 && kept.Count == 0)
        {
            return Verdict.NotApplicable(ConformanceRule.NoUnsafeRetry,
                "no POST or PATCH failed after it may have reached the server (reset after send, timeout, cut body)");
        }

        return violations.Count > 0
            ? Verdict.Fail(ConformanceRule.NoUnsafeRetry, $"{violations.Count} POST/PATCH attempts were resent blindly: the server may run them twice", violations)
            : Verdict.Pass(ConformanceRule.NoUnsafeRetry, "no POST/PATCH that may have reached the server was resent without its Idempotency-Key", kept);
    }

    // RFC 9110 §9.2.2: GET, HEAD, OPTIONS, TRACE, PUT and DELETE are idempotent; POST and PATCH are not (CONNECT opens a tunnel).
    private static bool IsUnsafe(string method) =>
        string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "PATCH", StringComparison.OrdinalIgnoreCase);
}
