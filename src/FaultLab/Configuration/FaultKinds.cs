namespace FaultLab.Configuration;

/// <summary>The fault kinds configuration may name, by <see cref="Fault.Kind"/>. Adding a kind adds one line here.</summary>
internal static class FaultKinds
{
    private static readonly Dictionary<string, Func<Fault>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Latency"] = () => new LatencyFault(),
        ["Status"] = () => new StatusFault(),
        ["DnsFailure"] = () => new DnsFailureFault(),
        ["ConnectionRefused"] = () => new ConnectionRefusedFault(),
        ["ConnectionReset"] = () => new ConnectionResetFault(),
        ["ConnectTimeout"] = () => new ConnectTimeoutFault(),
        ["Hang"] = () => new HangFault(),
        ["RateLimit"] = () => new RateLimitFault(),
        ["ExpiredToken"] = () => new ExpiredTokenFault(),
        ["Outage"] = () => new OutageFault(),
        ["SlowBody"] = () => new SlowBodyFault(),
        ["TruncatedBody"] = () => new TruncatedBodyFault(),
        ["MalformedBody"] = () => new MalformedBodyFault(),
    };

    public static IEnumerable<string> Names => Factories.Keys;

    public static Fault? Create(string kind) => Factories.TryGetValue(kind, out var factory) ? factory() : null;
}
