namespace FaultLab.Replay.Derivation;

/// <summary>
/// Chrome's network error codes (<c>response._error</c> in its HARs) mapped to the FaultLab fault that makes an
/// HttpClient fail the same way. Codes the browser raises on its own (blocked by an extension, aborted by
/// navigation) say nothing about the dependency and map to nothing.
/// </summary>
internal static class BrowserErrors
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["net::ERR_NAME_NOT_RESOLVED"] = "DnsFailure",
        ["net::ERR_NAME_RESOLUTION_FAILED"] = "DnsFailure",
        ["net::ERR_CONNECTION_REFUSED"] = "ConnectionRefused",
        ["net::ERR_CONNECTION_RESET"] = "ConnectionReset",
        ["net::ERR_CONNECTION_CLOSED"] = "ConnectionReset",
        ["net::ERR_EMPTY_RESPONSE"] = "ConnectionReset",
        ["net::ERR_CONNECTION_TIMED_OUT"] = "ConnectTimeout",
        ["net::ERR_TIMED_OUT"] = "ConnectTimeout",
    };

    public static string? FaultKind(string? error) => error is not null && Kinds.TryGetValue(error, out var kind) ? kind : null;
}
