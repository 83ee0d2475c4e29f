using FaultLab.Testing;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>Builds records by hand, so each rule's boundary can be placed to the millisecond.</summary>
internal static class Exchanges
{
    /// <summary>Not the Unix epoch: offsets in evidence must count from the record's first attempt, not from zero.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="T0"/> plus <paramref name="seconds"/>, rounded to the tick (so 3.001 s is exactly 3001 ms).</summary>
    public static DateTimeOffset Instant(double seconds) => T0 + TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    public static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>An attempt sent at <paramref name="seconds"/> that answered (or failed) <paramref name="took"/> seconds later.</summary>
    public static DependencyExchange At(int attempt, double seconds, int? status = 200, string method = "GET", string path = "/orders",
        ExchangeOutcome outcome = ExchangeOutcome.Response, Dictionary<string, string>? response = null, Dictionary<string, string>? request = null,
        string? callId = null, double took = 0, string? error = "HttpRequestException") =>
        new(attempt, Instant(seconds), Instant(seconds + took), method, path, request ?? [], outcome,
            outcome == ExchangeOutcome.Response ? status : null, response ?? [], outcome == ExchangeOutcome.Response ? null : error, callId);

    public static DependencyExchange RetryAfter(int attempt, double seconds, string value, int status = 503, double took = 0, string? callId = null) =>
        At(attempt, seconds, status, response: Headers(("Retry-After", value)), took: took, callId: callId);
}
