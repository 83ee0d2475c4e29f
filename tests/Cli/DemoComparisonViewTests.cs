using System.Text.Json;

namespace FaultLab.Cli.Tests;

/// <summary><c>faultlab demo</c>'s HTML comparison view: one table and overlaid charts for the three set-ups.</summary>
[FaultLab.Tests.Shared.MachineWideTiming]
public sealed class DemoComparisonViewTests
{
    [Fact]
    public async Task The_demo_report_opens_with_one_table_and_overlaid_charts_of_the_three_set_ups_with_the_fault_windows()
    {
        string reports = CliRun.TempFolder();

        var (exit, _, error) = await CliRun.RunAsync("demo", "--duration", "8", "--rate", "15", "--seed", "1", "--report", reports);

        Assert.True(exit == 0, error);
        string html = File.ReadAllText(Path.Combine(reports, "faultlab-demo.html"));
        int start = html.IndexOf("<section class=\"comparison\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no comparison view");
        string view = html[start..html.IndexOf("<section class=\"scenario\">", StringComparison.Ordinal)];
        Assert.Contains("<th>figure</th><th>bare</th><th>standard</th><th>resilient</th>", view, StringComparison.Ordinal);
        Assert.Contains("<td>time to recover (s, longest)</td>", view, StringComparison.Ordinal);
        Assert.Contains("<td>retry amplification</td>", view, StringComparison.Ordinal);
        Assert.Contains("<td>Retry-After violations</td>", view, StringComparison.Ordinal);
        Assert.Contains("Success rate over time", view, StringComparison.Ordinal);
        Assert.Contains("p99 latency over time", view, StringComparison.Ordinal);
        foreach (string setUp in new[] { "bare", "standard", "resilient" })
        {
            Assert.Equal(2, Occurrences(view, $">{setUp}</text>")); // a line per set-up on each overlaid chart
        }

        // The demo profile's scheduled faults, met by all three set-ups, are bands on the overlaid charts.
        Assert.Contains(">outage</text>", view, StringComparison.Ordinal);
        Assert.Contains(">dns-blip</text>", view, StringComparison.Ordinal);
        Assert.True(Occurrences(view, "class=\"window\"") >= 4, "fault windows on the overlaid charts");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "faultlab-demo.json")));
        Assert.Equal(["bare", "standard", "resilient"], json.RootElement.GetProperty("comparedScenarios").EnumerateArray().Select(e => e.GetString()));
        foreach (var scenario in json.RootElement.GetProperty("scenarios").EnumerateArray())
        {
            var labels = scenario.GetProperty("windows").EnumerateArray()
                .Where(w => w.GetProperty("category").GetString() == "fault").Select(w => w.GetProperty("label").GetString()).ToList();
            Assert.Contains("outage", labels);       // 50–62 % of the run
            Assert.Contains("dns-blip", labels);     // 20–23 %
            Assert.Contains("5xx-burst", labels);    // flapping: down 1 s in every 7 s
            Assert.True(scenario.GetProperty("customMetrics").TryGetProperty("fault windows not recovered", out _));
        }

        Assert.Contains("| figure | bare | standard | resilient |", File.ReadAllText(Path.Combine(reports, "faultlab-demo.md")), StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
