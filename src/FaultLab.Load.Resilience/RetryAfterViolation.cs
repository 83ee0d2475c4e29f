namespace FaultLab.Load.Resilience;

/// <summary>One attempt that came before the instant a <c>Retry-After</c> asked for: the evidence of a violation.</summary>
/// <param name="Method">The request's method.</param>
/// <param name="Uri">The request's URI.</param>
/// <param name="Attempt">The offending attempt's number within its call (1 is the first attempt).</param>
/// <param name="StatusCode">The status (429 or 503) of the response that carried <c>Retry-After</c>.</param>
/// <param name="RetryAfter">The header as the response carried it (<c>2</c>, or an HTTP-date).</param>
/// <param name="AnsweredAt">When that response arrived.</param>
/// <param name="NotBefore">The instant it advertised.</param>
/// <param name="AttemptedAt">When the offending attempt started.</param>
public sealed record RetryAfterViolation(string Method, string Uri, int Attempt, int StatusCode, string RetryAfter,
    DateTimeOffset AnsweredAt, DateTimeOffset NotBefore, DateTimeOffset AttemptedAt)
{
    /// <summary>Gets how much too early the attempt came.</summary>
    public TimeSpan Early => NotBefore - AttemptedAt;
}
