namespace FaultLab.Replay.Derivation;

/// <summary>One call seen in captured traffic: where it went, how it ended, and how long it took.</summary>
/// <param name="Host">The host it was sent to (no port: fault targets match hosts without one).</param>
/// <param name="Path">The URL path, without the query.</param>
/// <param name="StatusCode">The response status, or <see langword="null"/> when no response arrived.</param>
/// <param name="Failure">
/// When no response arrived, the FaultLab fault kind that reproduces how the call failed (<c>DnsFailure</c>,
/// <c>ConnectionRefused</c>, <c>ConnectionReset</c>, <c>ConnectTimeout</c>); otherwise <see langword="null"/>.
/// </param>
/// <param name="Duration">From sending the request to the end of the response (or the failure).</param>
/// <param name="RetryAfter">The response's delta-seconds <c>Retry-After</c>, when it had one.</param>
public sealed record ObservedCall(string Host, string Path, int? StatusCode, string? Failure, TimeSpan Duration, TimeSpan? RetryAfter = null)
{
    /// <summary>Gets how the call ended as the derived profile names it: the status code, or the failure kind.</summary>
    public string Outcome => Failure ?? StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    /// <summary>Gets a value indicating whether the call failed: a 4xx or 5xx status, or no response.</summary>
    public bool IsError => Failure is not null || StatusCode is >= 400;
}
