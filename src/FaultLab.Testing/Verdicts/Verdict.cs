namespace FaultLab.Testing;

/// <summary>The result of one conformance rule: pass, fail or not applicable, with the evidence that decided it.</summary>
/// <param name="Rule">The rule judged.</param>
/// <param name="Outcome">Pass, fail, or not applicable.</param>
/// <param name="Summary">One sentence saying why.</param>
/// <param name="Evidence">The attempts, timestamps and headers behind the verdict; for a failure, each violation.</param>
public sealed record Verdict(ConformanceRule Rule, VerdictOutcome Outcome, string Summary, IReadOnlyList<string> Evidence)
{
    /// <summary>Gets a value indicating whether the rule failed.</summary>
    public bool Failed => Outcome == VerdictOutcome.Fail;

    /// <summary>Gets the rule's short title, for tables.</summary>
    public string Title => ConformanceRules.Title(Rule);

    /// <summary>Creates a passing verdict.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="summary">Why it passed.</param>
    /// <param name="evidence">What showed it.</param>
    /// <returns>The verdict.</returns>
    public static Verdict Pass(ConformanceRule rule, string summary, params IEnumerable<string> evidence) =>
        new(rule, VerdictOutcome.Pass, summary, [.. evidence]);

    /// <summary>Creates a failing verdict.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="summary">Why it failed.</param>
    /// <param name="evidence">Each violation.</param>
    /// <returns>The verdict.</returns>
    public static Verdict Fail(ConformanceRule rule, string summary, params IEnumerable<string> evidence) =>
        new(rule, VerdictOutcome.Fail, summary, [.. evidence]);

    /// <summary>Creates a verdict for a rule the record cannot judge.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="summary">Why it does not apply.</param>
    /// <returns>The verdict.</returns>
    public static Verdict NotApplicable(ConformanceRule rule, string summary) => new(rule, VerdictOutcome.NotApplicable, summary, []);

    /// <summary>Gets the verdict as one line: <c>FAIL  no retry before Retry-After: ...</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Label(Outcome),-4}  {Title}: {Summary}";

    /// <summary>Gets the short label of an outcome: <c>pass</c>, <c>FAIL</c> or <c>n/a</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The label.</returns>
    public static string Label(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Pass => "pass",
        VerdictOutcome.Fail => "FAIL",
        _ => "n/a",
    };
}

/// <summary>A verdict's outcome.</summary>
public enum VerdictOutcome
{
    /// <summary>The record shows the rule kept.</summary>
    Pass,

    /// <summary>The record shows the rule broken.</summary>
    Fail,

    /// <summary>The record holds nothing the rule judges (for example no <c>Retry-After</c> was ever sent).</summary>
    NotApplicable,
}

/// <summary>The good-client rules FaultLab judges.</summary>
public enum ConformanceRule
{
    /// <summary>No request before the <c>Retry-After</c> of a 429 or 503 has elapsed (RFC 9110 §10.2.3).</summary>
    RespectsRetryAfter = 1,

    /// <summary>No automatic retry of a POST or PATCH without <c>Idempotency-Key</c> after a failure where it may have reached the server.</summary>
    NoUnsafeRetry = 2,

    /// <summary>Delays between retries grow and are jittered.</summary>
    BackoffWithJitter = 3,

    /// <summary>A hang ends within the client's own budget.</summary>
    BoundedTime = 4,

    /// <summary>During a sustained outage attempts per second fall by at least 90 %.</summary>
    StopsHammeringOutage = 5,

    /// <summary>A 401 with <c>error="invalid_token"</c> is followed by a request with another token.</summary>
    ReplacesInvalidToken = 6,

    /// <summary>After a 429 the client stays within the advertised limit.</summary>
    StaysWithinRateLimit = 7,
}
