namespace FaultLab.Replay;

/// <summary>
/// Which parts of a live request must equal a recorded one. By default: method and URL, query parameters in any
/// order. Requests are compared after redaction, so a redacted header, query parameter or body field always matches.
/// </summary>
public sealed class CassetteMatching
{
    /// <summary>Gets or sets a value indicating whether the scheme, host and port are compared. Turn off when the dependency's port changes between runs.</summary>
    public bool MatchAuthority { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether request bodies must be equal (JSON bodies compared as JSON, ignoring whitespace).</summary>
    public bool MatchBody { get; set; }

    /// <summary>Gets the request headers whose values must be equal, e.g. <c>Accept</c> or <c>X-Tenant</c>.</summary>
    public ISet<string> Headers { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets a value indicating whether every request header must be equal, except <see cref="VolatileHeaders"/> and redacted ones.</summary>
    public bool MatchAllHeaders { get; set; }

    /// <summary>
    /// Gets the headers never compared because they change on every call: dates, request and correlation ids, trace
    /// context. Remove a name to compare it.
    /// </summary>
    public ISet<string> VolatileHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "traceparent", "tracestate", "baggage", "Request-Id", "X-Request-Id", "X-Correlation-Id",
        "X-Amzn-Trace-Id", "X-B3-TraceId", "X-B3-SpanId", "X-B3-ParentSpanId", "X-B3-Sampled", "Idempotency-Key",
        "User-Agent", "Content-Length",
    };

    /// <summary>Gets query parameters left out of the comparison, e.g. a timestamp or nonce added to every call.</summary>
    public ISet<string> IgnoredQueryParameters { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets an extra condition a recorded request must meet, checked after the built-in comparisons. It gets
    /// the live request and the recorded one (as written to the cassette, redacted).
    /// </summary>
    public Func<HttpRequestMessage, RecordedRequest, bool>? Predicate { get; set; }
}
