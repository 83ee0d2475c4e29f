using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing;

/// <summary>
/// The faults a <see cref="ResilienceMatrix"/> runs by default: the ways a dependency really fails, each realized by
/// FaultLab's own faults (as a profile would realize them) or a per-attempt script of them.
/// </summary>
public static class MatrixCatalogue
{
    /// <summary>The outage the <c>1-minute outage (refused)</c> row injects.</summary>
    public static readonly TimeSpan OutageLength = TimeSpan.FromMinutes(1);

    /// <summary>Gets the default variants, in the order a report lists them: the realistic variants below, then one row for
    /// every other kind registered in <see cref="FaultCatalog"/>, from its catalogue example (so a new kind appears here
    /// without touching the matrix).</summary>
    public static IReadOnlyList<MatrixVariant> Default { get; } = WithEveryOtherKind(
    [
        new("503 once", "Status", MatrixFaultClass.Transient, "one 503, then healthy",
            f => f.AddScript(s => s.Status(HttpStatusCode.ServiceUnavailable))),
        new("503 burst with Retry-After", "Status", MatrixFaultClass.Transient, "three 503s with Retry-After: 2, then healthy",
            f => f.AddScript(s => s.Status(HttpStatusCode.ServiceUnavailable, times: 3, retryAfter: TimeSpan.FromSeconds(2)))),
        new("503 with Retry-After date", "Status", MatrixFaultClass.Transient, "one 503 with Retry-After as an HTTP-date 3 s ahead",
            f => f.AddScript(s => s.Status(o =>
            {
                o.StatusCode = 503;
                o.RetryAfter = TimeSpan.FromSeconds(3);
                o.RetryAfterAsDate = true;
            }))),
        new("429 from a rate limit", "RateLimit", MatrixFaultClass.Transient, "a server limit of 1 per 2 s, already used up",
            f => f.AddRateLimit(permitLimit: 1, TimeSpan.FromSeconds(2))) { PrimingCalls = 1 },
        new("1-minute outage (refused)", "Outage", MatrixFaultClass.Sustained, "every connection refused for 60 s",
            f => f.AddOutage(TimeSpan.Zero, OutageLength, OutageFailure.ConnectionRefused)),
        new("DNS failure", "DnsFailure", MatrixFaultClass.Connection, "the name does not resolve once",
            f => f.AddScript(s => s.DnsFailure())),
        new("connection refused", "ConnectionRefused", MatrixFaultClass.Connection, "nothing listens, once",
            f => f.AddScript(s => s.ConnectionRefused())),
        new("reset before headers", "ConnectionReset", MatrixFaultClass.Connection, "the connection is reset after the request, once",
            f => f.AddScript(s => s.ConnectionReset())),
        new("connect timeout", "ConnectTimeout", MatrixFaultClass.Connection, "the connection is not established within 5 s, once",
            f => f.AddScript(s => s.ConnectTimeout(TimeSpan.FromSeconds(5)))),
        new("hang", "Hang", MatrixFaultClass.Transient, "the first attempt never gets an answer",
            f => f.AddScript(s => s.Hang())),
        new("long-tail latency", "Latency", MatrixFaultClass.Latency, "a delay drawn from p50 200 ms / p99 15 s (seed 7)",
            f => f.WithSeed(7).AddLongTailLatency(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15))),
        new("reset mid-body", "TruncatedBody", MatrixFaultClass.Body, "the connection is reset halfway through the body",
            f => f.AddTruncatedBody(ending: BodyEnding.Reset)),
        new("truncated body", "TruncatedBody", MatrixFaultClass.Body, "the body ends cleanly, halfway through",
            f => f.AddTruncatedBody()),
        new("malformed JSON", "MalformedBody", MatrixFaultClass.Body, "the JSON body is cut in half, well framed",
            f => f.AddMalformedBody()),
        new("slow body", "SlowBody", MatrixFaultClass.Body, "the body arrives at 50 bytes/s",
            f => f.AddSlowBody(bytesPerSecond: 50)),
        new("expired token", "ExpiredToken", MatrixFaultClass.Auth, "the bearer token used a second ago has expired (401 invalid_token)",
            f => f.AddExpiredToken(TimeSpan.FromSeconds(1))) { PrimingCalls = 1, PauseAfterPriming = TimeSpan.FromSeconds(2) },
    ]);

    /// <summary>Adds a row for each registered kind no realistic variant covers: its catalogue example, firing on every attempt.</summary>
    private static List<MatrixVariant> WithEveryOtherKind(List<MatrixVariant> realistic)
    {
        var covered = realistic.Select(v => v.Kind).ToHashSet(StringComparer.OrdinalIgnoreCase);
        realistic.AddRange(FaultCatalog.Kinds.Where(k => !covered.Contains(k.Name)).Select(k =>
            new MatrixVariant($"{k.Name} (catalogue example)", k.Name, MatrixFaultClass.Other, k.Description, f => f.AddFault(k.CreateExample()))));
        return realistic;
    }

    /// <summary>Gets the names of <see cref="Default"/>, one array per row, for xunit's <c>MemberData</c> (each fault a test case).</summary>
    public static IEnumerable<object[]> Names => Default.Select(v => new object[] { v.Name });

    /// <summary>Finds a default variant by name (case-insensitive).</summary>
    /// <param name="name">The row's name.</param>
    /// <returns>The variant.</returns>
    /// <exception cref="ArgumentException">No default variant has that name; the message lists them.</exception>
    public static MatrixVariant Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Default.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No matrix variant named '{name}'. Known: {string.Join(", ", Default.Select(v => v.Name))}.", nameof(name));
    }
}
