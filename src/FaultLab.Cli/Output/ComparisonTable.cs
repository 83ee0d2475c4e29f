using System.Globalization;
using FaultLab.Cli.Demo;
using FaultLab.Cli.Experiments;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Spectre.Console;

namespace FaultLab.Cli.Output;

/// <summary>The one table a run ends with: each client set-up side by side, every figure from the real run.</summary>
internal static class ComparisonTable
{
    public static readonly string[] Columns =
        ["set-up", "calls", "success %", "p50 ms", "p95 ms", "p99 ms", "dependency saw", "retries", "breaker opens", "fallbacks", "injected faults"];

    public static IReadOnlyList<string[]> Rows(IReadOnlyList<ClientUnderTest> clients, ExperimentOutcome outcome)
    {
        var rows = new List<string[]>();
        for (int i = 0; i < clients.Count; i++)
        {
            var scenario = outcome.Result[clients[i].Name];
            var stats = scenario.Stats;
            var seen = outcome.Resilience[i];
            double fallbackRate = scenario.CustomMetrics.TryGetValue(ResilienceMeasures.FallbackRate, out var f) ? f : 0;
            rows.Add(
            [
                $"{clients[i].Name} ({ClientSetup.Describe(clients[i].Resilience)})",
                N(stats.Count),
                (stats.SuccessRate * 100).ToString("0.0", CultureInfo.InvariantCulture),
                Ms(stats.Latency.P50Ms),
                Ms(stats.Latency.P95Ms),
                Ms(stats.Latency.P99Ms),
                $"{N(seen.ForwardedToDependency)} ({seen.RetryAmplification(stats.Count).ToString("0.00", CultureInfo.InvariantCulture)}x)",
                N(seen.Retries),
                N(seen.CircuitOpens),
                N((long)Math.Round(fallbackRate * stats.Count)),
                string.Join(", ", seen.FaultsByKind.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {N(kv.Value)}")),
            ]);
        }

        return rows;
    }

    public static void Write(CliConsole console, IReadOnlyList<ClientUnderTest> clients, ExperimentOutcome outcome)
    {
        var rows = Rows(clients, outcome);
        if (console.Interactive)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (string column in Columns)
            {
                table.AddColumn(new TableColumn(column));
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }

            AnsiConsole.Write(table);
            return;
        }

        // Redirected or CI: a plain Markdown table, no colour, no widgets.
        console.Out.WriteLine("| " + string.Join(" | ", Columns) + " |");
        console.Out.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", Columns.Length)));
        foreach (var row in rows)
        {
            console.Out.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
