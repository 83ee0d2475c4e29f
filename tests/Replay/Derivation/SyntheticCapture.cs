using System.Globalization;
using System.Text;

namespace FaultLab.Replay.Tests.Derivation;

/// <summary>
/// A HAR file with a known error mix and a known long-tailed latency, as a browser would have captured it: the
/// source a derived profile must reproduce.
/// </summary>
internal sealed class SyntheticCapture
{
    /// <summary>Each endpoint: host, a path maker (ids vary per call), calls, and outcome shares (the rest are 200).</summary>
    public static readonly (string Host, Func<int, string> Path, int Calls, (string Outcome, double Share)[] Mix)[] Endpoints =
    [
        ("api.shop.test", i => $"/orders/{1000 + i}", 8000, [("503", 0.05), ("429", 0.02), ("500", 0.01)]),
        ("api.shop.test", _ => "/orders/summary", 1000, [("404", 0.10)]),
        ("payments.test", _ => "/charge", 1000, [("502", 0.08), ("net::ERR_CONNECTION_REFUSED", 0.03), ("net::ERR_NAME_NOT_RESOLVED", 0.01)]),
    ];

    public List<(string Host, string Path, string Outcome, int DurationMs)> Calls { get; } = [];

    /// <summary>Exact counts per outcome (shares × calls), shuffled with a fixed seed; durations log-normal, median 40 ms, p99 400 ms.</summary>
    public static SyntheticCapture Create()
    {
        var random = new Random(2026);
        var capture = new SyntheticCapture();
        foreach (var (host, path, calls, mix) in Endpoints)
        {
            var outcomes = mix.SelectMany(m => Enumerable.Repeat(m.Outcome, (int)Math.Round(m.Share * calls))).ToList();
            outcomes.AddRange(Enumerable.Repeat("200", calls - outcomes.Count));
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(outcomes));
            for (int i = 0; i < calls; i++)
            {
                capture.Calls.Add((host, path(i), outcomes[i], LogNormalMs(random, median: 40, p99: 400)));
            }
        }

        return capture;
    }

    public string ToHar()
    {
        var entries = Calls.Select(call =>
        {
            bool failed = call.Outcome.StartsWith("net::", StringComparison.Ordinal);
            string status = failed ? "0" : call.Outcome;
            string error = failed ? $"\"{call.Outcome}\"" : "null";
            string headers = call.Outcome == "429" ? """[ { "name": "retry-after", "value": "2" } ]""" : "[]";
            return $$"""
                { "startedDateTime": "2026-11-30T14:00:00.000Z", "time": {{call.DurationMs.ToString(CultureInfo.InvariantCulture)}},
                  "request": { "method": "GET", "url": "https://{{call.Host}}{{call.Path}}", "httpVersion": "http/2.0", "headers": [], "cookies": [], "queryString": [], "headersSize": -1, "bodySize": 0 },
                  "response": { "status": {{status}}, "statusText": "", "httpVersion": "http/2.0", "headers": {{headers}}, "cookies": [],
                    "content": { "size": 0, "mimeType": "x-unknown" }, "redirectURL": "", "headersSize": -1, "bodySize": -1, "_error": {{error}} },
                  "cache": {}, "timings": { "send": 0, "wait": {{call.DurationMs.ToString(CultureInfo.InvariantCulture)}}, "receive": 0 } }
                """;
        });
        return new StringBuilder()
            .Append("""{ "log": { "version": "1.2", "creator": { "name": "WebInspector", "version": "537.36" }, "entries": [""")
            .AppendJoin(",\n", entries)
            .Append("] } }")
            .ToString();
    }

    private static int LogNormalMs(Random random, double median, double p99)
    {
        double sigma = Math.Log(p99 / median) / 2.3263478740408408; // z of the 99th percentile
        double u1 = 1 - random.NextDouble();
        double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(1, (int)Math.Round(median * Math.Exp(sigma * z)));
    }
}
