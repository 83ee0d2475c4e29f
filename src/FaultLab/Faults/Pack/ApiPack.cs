using System.Globalization;

namespace FaultLab;

/// <summary>
/// One named failure shape of a well-known API: the status, reason, headers and body it answers with when it
/// throttles or fails, and the public page that documents it. Built fresh per response, on the injected clock.
/// </summary>
internal sealed record ApiPack(
    string Name,
    int Status,
    string Reason,
    string ContentType,
    TimeSpan DefaultWait,
    string Source,
    Func<PackResponse, IEnumerable<(string Name, string Value)>> Headers,
    Func<PackResponse, string> Body);

/// <summary>What a pack's headers and body are computed from.</summary>
/// <param name="Now">The injected clock's time.</param>
/// <param name="Wait">How long the API says to wait (the pack's default, or the fault's <c>RetryAfter</c>).</param>
/// <param name="RequestId">An id for the API's request-id header, derived from the clock so runs repeat.</param>
internal readonly record struct PackResponse(DateTimeOffset Now, TimeSpan Wait, string RequestId)
{
    /// <summary>Gets the wait in whole seconds, rounded up, as <c>Retry-After</c> carries it.</summary>
    public string Seconds => ((long)Math.Ceiling(Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets the wait in whole milliseconds, rounded up.</summary>
    public string Milliseconds => ((long)Math.Ceiling(Wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets the wait in seconds with at most three decimals, rounded up to the millisecond (OpenAI's
    /// <c>x-ratelimit-reset-requests</c>, <c>1.235s</c>): rounding to the nearest would announce a reset up to half a
    /// millisecond early, and a client that honours it to the letter would come back too soon.</summary>
    public string SecondsToTheMillisecond =>
        (Math.Ceiling(Wait.TotalMilliseconds) / 1000).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Gets when the wait ends, in Unix epoch seconds (GitHub's <c>x-ratelimit-reset</c>).</summary>
    public string ResetEpochSeconds => ((long)Math.Ceiling((Now + Wait).ToUnixTimeMilliseconds() / 1000.0)).ToString(CultureInfo.InvariantCulture);
}
