namespace FaultLab;

/// <summary>What a 429 or 503 carrying <c>Retry-After</c> asked of the next attempt of the same call.</summary>
/// <param name="NotBefore">The earliest instant the next attempt may start: the response's arrival plus the
/// delta-seconds, or the HTTP-date itself.</param>
/// <param name="FromDate"><see langword="true"/> when the header was an HTTP-date, which has one-second resolution
/// (RFC 9110 §5.6.7), so a client cannot be judged more finely than that.</param>
/// <param name="Value">The header's value it was read from, without surrounding spaces (<c>3</c>, or an HTTP-date):
/// the evidence a judge shows beside a violation.</param>
public readonly record struct RetryAfterWait(DateTimeOffset NotBefore, bool FromDate, string Value)
{
    /// <summary>Gets how finely the header states its instant: one second for an HTTP-date, exact for delta-seconds
    /// (measured from the arrival the judge stamped).</summary>
    public TimeSpan Resolution => FromDate ? TimeSpan.FromSeconds(1) : TimeSpan.Zero;
}
