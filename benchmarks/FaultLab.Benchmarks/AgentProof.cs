using System.Globalization;
using System.Text.Json;
using FaultLab.Load;

namespace FaultLab.Benchmarks;

/// <summary>
/// The distributed proof of benchmarks/load-agents/run.sh.
/// <list type="bullet">
/// <item><c>agent URL RATE SECONDS FOLDER</c>: one process of the schedule <c>Inject(RATE/s, SECONDS)</c>; an agent when
/// FAULTLAB_AGENT_INDEX/COUNT/START_AT are set (it then runs its third of RATE), the whole schedule otherwise.</item>
/// <item><c>compare RUN.json…</c>: count, p50, p99 and the per-second timeline of each run, and how far each run's
/// seconds are from the first run's.</item>
/// </list>
/// </summary>
internal static class AgentProof
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAgentAsync(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: agent URL RATE SECONDS FOLDER");
            return 2;
        }

        var rate = double.Parse(args[1], Inv);
        var seconds = double.Parse(args[2], Inv);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseProxy = false }) { BaseAddress = new Uri(args[0]) };
        var scenario = Scenario.Create("orders", async ctx =>
            {
                using var response = await client.GetAsync((Uri?)null, ctx.CancellationToken).ConfigureAwait(false);
                return response.IsSuccessStatusCode ? Response.Ok((int)response.StatusCode) : Response.Fail((int)response.StatusCode);
            })
            .WithWarmUpDuration(TimeSpan.FromSeconds(2))
            .WithLoadSimulations(Simulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds)))
            .WithThresholds(Threshold.SuccessRate(0.999), Threshold.Dropped(0));
        var result = await LoadTest.RunAsync(new LoadTestOptions { ConsoleOutput = ConsoleOutput.Silent, ReportsFolder = args[3] }, scenario).ConfigureAwait(false);
        var stats = result["orders"].Stats;
        Console.WriteLine(string.Create(Inv,
            $"{(result.Agent is { } a ? $"agent {a.Index} of {a.Count}" : "single")} count={stats.Count} fail={stats.Fail} dropped={stats.Dropped} p50_ms={stats.Latency.P50Ms} p99_ms={stats.Latency.P99Ms} lag_p99_ms={stats.ScheduleLag.P99Ms}"));
        return 0;
    }

    public static int Compare(string[] files)
    {
        var runs = files.Select(Read).ToList();
        Console.WriteLine("| run | requests | fail | dropped | p50 ms | p99 ms | p99.9 ms | seconds | per-second count vs first run: max diff, mean diff |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            var (max, mean) = Diff(runs[0].PerSecond, run.PerSecond);
            Console.WriteLine(string.Create(Inv,
                $"| {run.Name} | {run.Count} | {run.Fail} | {run.Dropped} | {run.P50:0.000} | {run.P99:0.000} | {run.P999:0.000} | {run.PerSecond.Count} | {max}, {mean:0.0} |"));
        }

        return 0;
    }

    private static (long Max, double Mean) Diff(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        var n = Math.Min(a.Count, b.Count);
        if (n == 0)
        {
            return (0, 0);
        }

        var diffs = Enumerable.Range(0, n).Select(i => Math.Abs(a[i] - b[i])).ToList();
        return (diffs.Max(), diffs.Average());
    }

    private static Run Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var scenario = json.RootElement.GetProperty("scenarios")[0];
        var stats = scenario.GetProperty("stats");
        var latency = stats.GetProperty("latency");
        // Whole seconds only: the closing sliver after the last planned second would read as a dip.
        var perSecond = scenario.GetProperty("timeline").EnumerateArray()
            .Where(p => p.GetProperty("lengthSeconds").GetDouble() >= 0.5)
            .Select(p => p.GetProperty("count").GetInt64()).ToList();
        return new Run(Path.GetFileName(Path.GetDirectoryName(path)) ?? path, stats.GetProperty("count").GetInt64(), stats.GetProperty("fail").GetInt64(),
            stats.GetProperty("dropped").GetInt64(), latency.GetProperty("p50Ms").GetDouble(), latency.GetProperty("p99Ms").GetDouble(),
            latency.GetProperty("p999Ms").GetDouble(), perSecond);
    }

    private sealed record Run(string Name, long Count, long Fail, long Dropped, double P50, double P99, double P999, IReadOnlyList<long> PerSecond);
}
