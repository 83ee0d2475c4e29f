namespace FaultLab.Replay.Derivation;

/// <summary>What was observed for one endpoint (host and path pattern), and so what its derived faults reproduce.</summary>
public sealed class DerivedEndpoint
{
    internal DerivedEndpoint(string host, string path, long calls, IReadOnlyDictionary<string, long> errors,
        IReadOnlyDictionary<string, TimeSpan> retryAfter, TimeSpan p50, TimeSpan p99)
    {
        Host = host;
        Path = path;
        Calls = calls;
        Errors = errors;
        RetryAfter = retryAfter;
        P50 = p50;
        P99 = p99;
    }

    /// <summary>Gets the host, or <c>*</c> when the source names none (a load result).</summary>
    public string Host { get; }

    /// <summary>Gets the path pattern: id-like segments (numbers, GUIDs, long hex) folded into <c>*</c>; <c>*</c> alone when the source names none.</summary>
    public string Path { get; }

    /// <summary>Gets the number of calls observed.</summary>
    public long Calls { get; }

    /// <summary>Gets the failed calls by outcome: a status code (<c>"503"</c>) or a fault kind (<c>"ConnectionRefused"</c>).</summary>
    public IReadOnlyDictionary<string, long> Errors { get; }

    /// <summary>Gets the median delta-seconds <c>Retry-After</c> observed per outcome, where responses carried one.</summary>
    public IReadOnlyDictionary<string, TimeSpan> RetryAfter { get; }

    /// <summary>Gets the observed median duration.</summary>
    public TimeSpan P50 { get; }

    /// <summary>Gets the observed 99th-percentile duration.</summary>
    public TimeSpan P99 { get; }
}
