using System.Net;
using System.Text.Json;

namespace FaultLab.Load.Tests;

/// <summary>Marked timeline windows and the comparison view, in every report format.</summary>
public sealed class WindowsAndComparisonTests
{
    /// <summary>Where the report is written (kept, so the HTML can be screenshot).</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "faultlab-load-comparison");

    [Fact]
    public async Task Windows_are_shaded_bands_on_the_timeline_charts_and_the_comparison_sets_scenarios_side_by_side()
    {
        // Two set-ups under the same load: "fragile" fails iterations 40–99 (≈ 0.8–2 s), "sturdy" only 40–59.
        Scenario SetUp(string name, int lastFailing) => Scenario.Create(name, ctx => Task.FromResult(
                ctx.Iteration is >= 40 && ctx.Iteration <= lastFailing ? Response.Fail(503, "down") : Response.Ok(200, 10)))
            .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        var result = await LoadTest.RunAsync(new LoadTestOptions
        {
            ConsoleOutput = ConsoleOutput.Silent,
            ReportsFolder = Folder,
            Enrichers =
            [
                r =>
                {
                    foreach (var s in r.Scenarios)
                    {
                        s.AddWindow(TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2), "outage <b>", "fault", "#dc2626");
                        s.SetMetric("time to recover (s)", s.Name == "fragile" ? 0.8 : 0);
                    }

                    r["fragile"].AddWindow(TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(2), "recovering", "recovery", "#d97706");
                    r["sturdy"].AddWindow(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(2.6), "only sturdy", color: "red\" onload=\"x");
                    r.CompareScenarios("fragile", "sturdy");
                },
            ],
        }, SetUp("fragile", 99), SetUp("sturdy", 59));

        Assert.Equal(["fragile", "sturdy"], result.ComparedScenarios);
        Assert.Equal(2, result["fragile"].Windows.Count);
        Assert.Equal(new TimelineWindow(0.8, 1.2, "outage <b>", "fault", "#dc2626"), result["fragile"].Windows[0]);
        Assert.Equal(0.4, result["fragile"].Windows[0].LengthSeconds, 9);

        string html = await File.ReadAllTextAsync(Path.Combine(Folder, "load-report.html"));
        string comparison = html[html.IndexOf("<section class=\"comparison\">", StringComparison.Ordinal)..html.IndexOf("<section class=\"scenario\">", StringComparison.Ordinal)];
        Assert.Contains("Comparison: fragile · sturdy".Replace("·", "&#183;", StringComparison.Ordinal), comparison, StringComparison.Ordinal);
        Assert.Contains("<th>fragile</th><th>sturdy</th>", comparison, StringComparison.Ordinal);
        Assert.Contains("<td>time to recover (s)</td><td>0.8</td><td>0</td>", comparison, StringComparison.Ordinal);
        Assert.Contains(F("<td>success rate</td><td>{0}</td><td>{1}</td>", result["fragile"].Stats.SuccessRate.ToString("P2", System.Globalization.CultureInfo.InvariantCulture),
            result["sturdy"].Stats.SuccessRate.ToString("P2", System.Globalization.CultureInfo.InvariantCulture)), comparison, StringComparison.Ordinal);
        Assert.Contains("Success rate over time", comparison, StringComparison.Ordinal);
        Assert.Contains("p99 latency over time", comparison, StringComparison.Ordinal);
        Assert.Equal(2, Count(comparison, "<svg"));
        Assert.Equal(2, Count(comparison, ">fragile</text>")); // one legend entry per overlaid chart
        Assert.Equal(2, Count(comparison, ">sturdy</text>"));
        // Only the window every set-up shares is drawn on the overlaid charts (once per chart), not one set-up's own.
        Assert.Equal(2, Count(comparison, "class=\"window\""));
        Assert.DoesNotContain("recovering", comparison, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("outage <b>"), comparison, StringComparison.Ordinal);

        // Per scenario: bands on the three timeline charts, labels encoded, a colour that is not a colour dropped.
        string sturdy = html[html.LastIndexOf("<section class=\"scenario\">", StringComparison.Ordinal)..];
        Assert.Equal(3 * 2, Count(sturdy, "class=\"window\""));
        Assert.DoesNotContain("onload", html, StringComparison.Ordinal);
        Assert.DoesNotContain("outage <b>", html, StringComparison.Ordinal);

        string md = await File.ReadAllTextAsync(Path.Combine(Folder, "load-report.md"));
        Assert.Contains("### Figures side by side", md, StringComparison.Ordinal);
        Assert.Contains("| figure | fragile | sturdy |", md, StringComparison.Ordinal);
        Assert.Contains("### Marked windows", md, StringComparison.Ordinal);
        Assert.Contains("| 1.20 s | 2.00 s | 0.80 s | recovering | recovery |", md, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "load-report.json")));
        Assert.Equal("fragile", json.RootElement.GetProperty("comparedScenarios")[0].GetString());
        var window = json.RootElement.GetProperty("scenarios")[0].GetProperty("windows")[0];
        Assert.Equal(0.8, window.GetProperty("startSeconds").GetDouble(), 9);
        Assert.Equal("fault", window.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Bad_windows_and_comparisons_are_refused_with_the_reason()
    {
        var result = await Quiet.RunAsync(
            Scenario.Create("a", _ => Task.FromResult(Response.Ok())).WithLoadSimulations(Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.2))),
            Scenario.Create("b", _ => Task.FromResult(Response.Ok())).WithLoadSimulations(Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.2))));
        var a = result["a"];
        Assert.Contains("must not be negative", Assert.Throws<ArgumentException>(() => a.AddWindow(TimeSpan.FromSeconds(-1), TimeSpan.Zero, "x")).Message);
        Assert.Contains("must not be before its start", Assert.Throws<ArgumentException>(() => a.AddWindow(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), "x")).Message);
        Assert.Contains("label must not be empty", Assert.Throws<ArgumentException>(() => a.AddWindow(TimeSpan.Zero, TimeSpan.FromSeconds(1), " ")).Message);
        Assert.Contains("at least two", Assert.Throws<ArgumentException>(() => result.CompareScenarios("a")).Message);
        Assert.Contains("once", Assert.Throws<ArgumentException>(() => result.CompareScenarios("a", "a")).Message);
        Assert.Contains("'c'", Assert.Throws<KeyNotFoundException>(() => result.CompareScenarios("a", "c")).Message);
        Assert.Empty(result.ComparedScenarios);
        Assert.DoesNotContain("comparison", HtmlReport.Render(result), StringComparison.Ordinal); // no view unless asked
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string F(string format, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
}
