using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaultLab.Replay.Derivation;

/// <summary>
/// A fault profile derived from traffic, in the README's JSON schema (<c>{ "FaultLab": { "Seed", "Faults" } }</c>):
/// per endpoint a latency fault fitted to the observed p50/p99, then one fault per observed error outcome.
/// </summary>
public sealed class DerivedProfile
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal DerivedProfile(string? source, int seed, IReadOnlyList<DerivedEndpoint> endpoints)
    {
        Source = source;
        Seed = seed;
        Endpoints = endpoints;
    }

    /// <summary>Gets the full path of the file derived from, or <see langword="null"/> for calls given in code.</summary>
    public string? Source { get; }

    /// <summary>Gets the profile's seed.</summary>
    public int Seed { get; }

    /// <summary>Gets what was observed per endpoint, in the order the profile lists their faults.</summary>
    public IReadOnlyList<DerivedEndpoint> Endpoints { get; }

    /// <summary>
    /// The profile as JSON: <c>FaultLab</c> holds <c>Seed</c> and <c>Faults</c> (bind it with
    /// <c>AddFaultInjection(configuration.GetSection("FaultLab"))</c>, or give the file to <c>faultlab validate</c>,
    /// <c>run</c> or <c>proxy</c>); <c>DerivedFrom</c> records the observations, which the profile binder never reads.
    /// </summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject ToJson()
    {
        var faults = new JsonArray();
        foreach (var endpoint in Endpoints)
        {
            foreach (var fault in FaultsOf(endpoint))
            {
                faults.Add((JsonNode)fault);
            }
        }

        return new JsonObject
        {
            ["FaultLab"] = new JsonObject { ["Seed"] = Seed, ["Faults"] = faults },
            ["DerivedFrom"] = new JsonObject
            {
                ["Source"] = Source,
                ["Calls"] = Endpoints.Sum(e => e.Calls),
                ["Endpoints"] = new JsonArray(Endpoints.Select(Observed).ToArray<JsonNode?>()),
            },
        };
    }

    /// <summary>The profile as indented JSON text.</summary>
    /// <returns>The text, ending in a newline.</returns>
    public string ToJsonString() => ToJson().ToJsonString(Indented) + "\n";

    /// <summary>
    /// Latency first (it delays and lets evaluation go on), then the errors, most frequent first. Each terminal fault
    /// rolls only when the ones before it did not fire, so its rate is conditional: with observed shares p1, p2, …
    /// the k-th rate is p_k / (1 − p1 − … − p_{k−1}), which makes the composed shares exactly p1, p2, ….
    /// </summary>
    private static IEnumerable<JsonObject> FaultsOf(DerivedEndpoint endpoint)
    {
        string where = endpoint.Host == "*" && endpoint.Path == "*" ? "" : $" {endpoint.Host}{endpoint.Path}";
        if (Latency(endpoint) is { } latency)
        {
            latency["Name"] = $"latency{where}";
            yield return WithTarget(latency, endpoint);
        }

        double before = 0;
        foreach (var (outcome, count) in endpoint.Errors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            double share = (double)count / endpoint.Calls;
            double rate = before >= 1 ? 1 : Math.Min(1, share / (1 - before));
            before += share;
            var fault = int.TryParse(outcome, NumberStyles.None, CultureInfo.InvariantCulture, out int status)
                ? new JsonObject { ["Kind"] = "Status", ["StatusCode"] = status }
                : new JsonObject { ["Kind"] = outcome };
            fault["Name"] = $"{outcome}{where}";
            // Rounded for reading; never to 0, which would drop an outcome that was seen.
            fault["InjectionRate"] = Math.Max(Math.Round(rate, 6), 0.000001);
            if (endpoint.RetryAfter.TryGetValue(outcome, out var retryAfter))
            {
                fault["RetryAfter"] = retryAfter.ToString("c", CultureInfo.InvariantCulture);
            }

            yield return WithTarget(fault, endpoint);
        }
    }

    /// <summary>
    /// A log-normal through the observed p50 and p99 (the latency fault's long-tail shape), a fixed delay when they
    /// are equal, none when every call was instant. A p50 of 0 (sub-millisecond) is raised to 1 ms, the cassette's grain.
    /// </summary>
    private static JsonObject? Latency(DerivedEndpoint endpoint)
    {
        if (endpoint.P99 <= TimeSpan.Zero)
        {
            return null;
        }

        var p50 = endpoint.P50 > TimeSpan.Zero ? endpoint.P50 : TimeSpan.FromMilliseconds(1);
        return endpoint.P99 <= p50
            ? new JsonObject { ["Kind"] = "Latency", ["Delay"] = p50.ToString("c", CultureInfo.InvariantCulture) }
            : new JsonObject
            {
                ["Kind"] = "Latency",
                ["P50"] = p50.ToString("c", CultureInfo.InvariantCulture),
                ["P99"] = endpoint.P99.ToString("c", CultureInfo.InvariantCulture),
            };
    }

    private static JsonObject WithTarget(JsonObject fault, DerivedEndpoint endpoint)
    {
        var target = new JsonObject();
        if (endpoint.Host != "*")
        {
            target["Hosts"] = new JsonArray(endpoint.Host);
        }

        if (endpoint.Path != "*")
        {
            target["Paths"] = new JsonArray(endpoint.Path);
        }

        if (target.Count > 0)
        {
            fault["Target"] = target;
        }

        return fault;
    }

    private static JsonObject Observed(DerivedEndpoint endpoint) => new()
    {
        ["Host"] = endpoint.Host,
        ["Path"] = endpoint.Path,
        ["Calls"] = endpoint.Calls,
        ["Errors"] = new JsonObject(endpoint.Errors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
        ["P50Ms"] = endpoint.P50.TotalMilliseconds,
        ["P99Ms"] = endpoint.P99.TotalMilliseconds,
    };
}
