using System.Collections.Concurrent;
using FaultLab.Load;
using FaultLab.Load.Resilience;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>One scenario driving one client under test, with the fault-aware step and the resilience measures.</summary>
internal static class LoadRun
{
    /// <summary>The header the tests' fallbacks put on what they serve, so the step can tag it.</summary>
    public const string FallbackHeader = "X-Fallback";

    private static readonly ConcurrentDictionary<string, AttemptRecorder> Recorders = new(StringComparer.Ordinal);

    /// <summary>The attempt recorder of the client named <paramref name="client"/> (see <see cref="Clients.Add"/>).</summary>
    public static AttemptRecorder Recorder(string client) => Recorders.GetOrAdd(client, _ => new AttemptRecorder());

    /// <summary>A scenario that GETs <c>/orders/{n}</c> through <paramref name="client"/>, tagged by the faults behind each outcome.</summary>
    public static Scenario Orders(string name, HttpClient client) =>
        Scenario.Create(name, ctx => FaultAwareStep.SendAsync(client,
            new HttpRequestMessage(HttpMethod.Get, $"/orders/{(ctx.Iteration % 100) + 1}"), ctx,
            r => r.Headers.Contains(FallbackHeader)));

    /// <summary>Runs the scenarios with one <see cref="ResilienceMeasures"/> each (scenario name = client name), silently.</summary>
    public static async Task<(LoadTestResult Result, IReadOnlyDictionary<string, ResilienceSnapshot> Seen)> RunAsync(
        string? reportsFolder, params Scenario[] scenarios) =>
        await RunAsync(reportsFolder, _ => { }, scenarios);

    /// <summary>Runs the scenarios with one <see cref="ResilienceMeasures"/> each, set up by <paramref name="configure"/> first.</summary>
    public static async Task<(LoadTestResult Result, IReadOnlyDictionary<string, ResilienceSnapshot> Seen)> RunAsync(
        string? reportsFolder, Action<ResilienceMeasures> configure, params Scenario[] scenarios)
    {
        var measures = scenarios.ToDictionary(s => s.Name, s => new ResilienceMeasures(s.Name, s.Name, Recorder(s.Name)));
        foreach (var m in measures.Values)
        {
            configure(m);
        }

        try
        {
            var result = await LoadTest.RunAsync(new LoadTestOptions
            {
                ConsoleOutput = ConsoleOutput.Silent,
                ReportsFolder = reportsFolder,
                ReportFormats = reportsFolder is null ? ReportFormats.None : ReportFormats.All,
                ReportFileName = "load-faults",
                Enrichers = [.. measures.Values.Select(m => (Action<LoadTestResult>)m.Enrich)],
            }, scenarios);
            return (result, measures.ToDictionary(kv => kv.Key, kv => kv.Value.Snapshot));
        }
        finally
        {
            foreach (var m in measures.Values)
            {
                m.Dispose();
            }
        }
    }

    /// <summary>A metric ResilienceMeasures wrote.</summary>
    public static double Metric(this ScenarioResult scenario, string name) =>
        scenario.CustomMetrics.TryGetValue(name, out double v) ? v : throw new KeyNotFoundException($"no metric '{name}'");

    /// <summary>The tag's stats, or an empty row.</summary>
    public static TagStats Tag(this ScenarioResult scenario, string tag) =>
        scenario.Stats.FindTag(tag) ?? new TagStats(tag, 0, 0, 0, LatencyStats.Empty);

    /// <summary>A one-line account of a run for the test output.</summary>
    public static string Describe(this ScenarioResult s, long dependencyRequests) =>
        $"{s.Name}: calls {s.Stats.Count}, ok {s.Stats.SuccessRate:P2}, p50 {s.Stats.Latency.P50Ms:0.0} ms, p99 {s.Stats.Latency.P99Ms:0.0} ms, " +
        $"dropped {s.Stats.Dropped}, dependency saw {dependencyRequests} ({(double)dependencyRequests / Math.Max(1, s.Stats.Count):0.000}/call); " +
        string.Join(", ", s.CustomMetrics.OrderBy(m => m.Key).Select(m => $"{m.Key} {m.Value:0.###}")) + "; tags: " +
        string.Join(", ", s.Stats.Tags.Select(t => $"[{t.Tag}] {t.Ok}/{t.Count} ok p99 {t.Latency.P99Ms:0.0} ms"));
}
