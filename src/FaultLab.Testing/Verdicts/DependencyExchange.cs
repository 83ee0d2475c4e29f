namespace FaultLab.Testing;

/// <summary>
/// One attempt as the dependency saw it: when it arrived, what was sent, and what came back (a status with its headers,
/// or how the attempt failed). The conformance rules judge a client from a list of these alone, so the same rules work
/// on the test clock (from <see cref="ExchangeRecorder"/>) and under real load (from any record of the same facts).
/// </summary>
/// <param name="Attempt">The attempt's number in the record, from 1.</param>
/// <param name="At">When the attempt was sent.</param>
/// <param name="EndedAt">When its response headers or its failure arrived; <see langword="null"/> while it was still open.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path.</param>
/// <param name="RequestHeaders">Request headers, values joined with <c>", "</c>; <c>Authorization</c> is kept only as its scheme
/// and a fingerprint (<c>Bearer #1a2b3c4d</c>), never the secret.</param>
/// <param name="Outcome">How the attempt ended.</param>
/// <param name="StatusCode">The response status, when there was one.</param>
/// <param name="ResponseHeaders">Response headers (values joined with <c>", "</c>); empty without a response.</param>
/// <param name="Error">The exception type that ended the attempt, when it failed.</param>
/// <param name="CallId">The logical call the attempt belongs to, when known: attempts of one call are retries of each other.
/// <see langword="null"/> treats the whole record as one call.</param>
public sealed record DependencyExchange(
    int Attempt,
    DateTimeOffset At,
    DateTimeOffset? EndedAt,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> RequestHeaders,
    ExchangeOutcome Outcome,
    int? StatusCode,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string? Error,
    string? CallId = null)
{
    /// <summary>Gets a value indicating whether the request may have reached the server's application before the attempt
    /// failed: the connection died after the request was sent, the attempt was cancelled while waiting, or the body was cut.</summary>
    public bool MayHaveReachedServer => Outcome is ExchangeOutcome.ConnectionLost or ExchangeOutcome.Cancelled or ExchangeOutcome.BodyCut;

    /// <summary>Gets a value indicating whether the attempt failed (an exception, a cut body, or a 408, 429 or 5xx status).</summary>
    public bool Failed => Outcome != ExchangeOutcome.Response || StatusCode is 408 or 429 or >= 500;

    /// <summary>Gets a request header's value, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header name, case-insensitive.</param>
    /// <returns>The value.</returns>
    public string? RequestHeader(string name) => Find(RequestHeaders, name);

    /// <summary>Gets a response header's value, or <see langword="null"/> when it was not received.</summary>
    /// <param name="name">The header name, case-insensitive.</param>
    /// <returns>The value.</returns>
    public string? ResponseHeader(string name) => Find(ResponseHeaders, name);

    /// <summary>Gets a short description for evidence: <c>attempt 2 (POST /orders) at +1.500 s: 503</c>.</summary>
    /// <param name="origin">The instant offsets are counted from.</param>
    /// <returns>The description.</returns>
    public string Describe(DateTimeOffset origin) =>
        $"attempt {Attempt} ({Method} {Path}) at {Offset(At, origin)}: {Result}";

    /// <summary>Gets what came back: the status, or the outcome and exception type.</summary>
    public string Result => Outcome switch
    {
        ExchangeOutcome.Response => StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "response",
        _ when Error is not null => $"{Outcome} ({Error})",
        _ => Outcome.ToString(),
    };

    /// <summary>Formats <paramref name="at"/> as seconds after <paramref name="origin"/>: <c>+1.500 s</c>.</summary>
    /// <param name="at">The instant.</param>
    /// <param name="origin">The origin.</param>
    /// <returns>The formatted offset.</returns>
    public static string Offset(DateTimeOffset at, DateTimeOffset origin) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+{(at - origin).TotalSeconds:0.000} s");

    private static string? Find(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (headers.TryGetValue(name, out var value))
        {
            return value;
        }

        // A dictionary built elsewhere may not be case-insensitive.
        return headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }
}

/// <summary>How an attempt ended, as far as the dependency and the wire can tell.</summary>
public enum ExchangeOutcome
{
    /// <summary>Response headers arrived (any status).</summary>
    Response,

    /// <summary>No connection was made (DNS failure, refused, connect timeout): the request never reached the server.</summary>
    NotConnected,

    /// <summary>The connection died after the request was sent (reset or closed before the headers).</summary>
    ConnectionLost,

    /// <summary>The client gave up waiting (a timeout or cancellation) while the request was out.</summary>
    Cancelled,

    /// <summary>The headers arrived but the body was cut short.</summary>
    BodyCut,

    /// <summary>The attempt failed in another way.</summary>
    OtherError,
}
