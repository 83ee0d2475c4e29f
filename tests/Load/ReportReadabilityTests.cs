using System.Globalization;
using System.Text.RegularExpressions;

namespace FaultLab.Load.Tests;

/// <summary>What a reader of the HTML report must not misread: verdicts, status colours, labels, markers, "none".</summary>
public sealed class ReportReadabilityTests
{
    private const string LongTag = "circuit open ← slow-dependency + token-expiry";

    [Fact]
    public async Task A_scenario_without_thresholds_says_so_instead_of_PASSED()
    {
        var result = await RunAsync(withThreshold: false);

        string html = HtmlReport.Render(result);

        Assert.Contains("NO THRESHOLDS", html);
        Assert.DoesNotContain("PASSED", html);
        Assert.Contains("no thresholds set", html);                 // the summary table's verdict
        Assert.Contains("**NO THRESHOLDS**", MarkdownReport.Render(result));
        Assert.Contains(", NO THRESHOLDS\n", TextReport.Render(result));
        Assert.Contains("badge pass\">PASSED", HtmlReport.Render(await RunAsync(withThreshold: true)));
    }

    [Fact]
    public async Task Status_401_and_429_have_different_colours_and_none_is_explained()
    {
        string html = HtmlReport.Render(await RunAsync(withThreshold: false));

        string Legend(string name) => Regex.Match(html, $"fill=\"(#[0-9a-f]{{6}})\"/><text [^>]*>status {Regex.Escape(name)}</text>").Groups[1].Value;
        Assert.All(Regex.Matches(html, "class=\"axis\">(status [^<]+|none = exception)</text>"),
            legend => Assert.True(SvgCharts.TextWidth(legend.Groups[1].Value) <= 150 - 32, $"'{legend.Groups[1].Value}' is wider than the legend column"));
        Assert.NotEqual(string.Empty, Legend("401"));
        Assert.NotEqual(Legend("401"), Legend("429"));
        Assert.NotEqual(Legend("401"), Legend("503"));
        Assert.Matches("fill=\"#[0-9a-f]{6}\"/><text [^>]*>none = exception</text>", html); // fits the legend column
        Assert.Contains(">none (exception, no response)</text>", html);   // the outcome bars
        Assert.Contains("<td>none (exception, no response)</td>", html);  // the status table
    }

    [Fact]
    public void A_long_tag_label_fits_left_of_its_bar()
    {
        string svg = SvgCharts.OkFailBars("Outcomes by tag", [("no fault", 10, 0), (LongTag, 0, 3)]);

        var label = Regex.Match(svg, $"<text x=\"(?<x>\\d+)\" y=\"\\d+\" text-anchor=\"end\" class=\"axis\"><title>{Regex.Escape(LongTag)}</title>(?<shown>[^<]+)</text>");
        Assert.True(label.Success, svg);
        Assert.Equal(LongTag, label.Groups["shown"].Value);
        Assert.True(int.Parse(label.Groups["x"].Value, CultureInfo.InvariantCulture) >= SvgCharts.TextWidth(LongTag),
            "the label's right edge leaves room for the whole label to its left");
    }

    [Fact]
    public void Markers_a_moment_apart_share_one_line_and_labels_never_overprint()
    {
        var points = Enumerable.Range(0, 20).Select(i => new TimelinePoint
        {
            StartSeconds = i, LengthSeconds = 1, Count = 10, Ok = 10, StatusCodes = new Dictionary<string, long> { ["200"] = 10 },
        }).ToList();
        IReadOnlyList<TimelineMarker> markers =
        [
            new(5.0, "circuit open"), new(10.0, "circuit half-open"), new(10.04, "circuit closed"), new(10.9, "circuit open"),
        ];

        string svg = SvgCharts.StackedBars("Status codes over time", points, ["200"], 20, markers);

        var lines = Regex.Matches(svg, "class=\"marker\"").Count;
        var labels = Regex.Matches(svg, "<text x=\"(?<x>[\\d.]+)\" y=\"(?<y>\\d+)\" class=\"markerlabel\"><title>[^<]*</title>(?<label>[^<]+)</text>")
            .Select(m => (X: double.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture), Y: m.Groups["y"].Value, Label: m.Groups["label"].Value))
            .ToList();
        Assert.Equal(3, lines);
        Assert.Contains(labels, l => l.Label == "circuit half-open → circuit closed");
        foreach (var a in labels)
        {
            foreach (var b in labels.Where(b => b != a && b.Y == a.Y && b.X > a.X))
            {
                Assert.True(a.X + SvgCharts.TextWidth(a.Label) < b.X, $"'{a.Label}' and '{b.Label}' overprint on one row");
            }
        }
    }

    private static Task<LoadTestResult> RunAsync(bool withThreshold)
    {
        var scenario = Scenario.Create("mix", ctx => Task.FromResult((ctx.Iteration % 5) switch
            {
                0 => Response.Fail(401, "expired", tag: "token-expiry"),
                1 => Response.Fail(429, "throttled", tag: "rate-limit"),
                2 => Response.Fail(null, "connection refused", tag: LongTag),
                3 => Response.Fail(503, "unavailable", tag: "5xx"),
                _ => Response.Ok(200, tag: "no fault"),
            }))
            .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        if (withThreshold)
        {
            scenario = scenario.WithThresholds(Threshold.SuccessRate(0.1));
        }

        return LoadTest.RunAsync(new LoadTestOptions { ConsoleOutput = ConsoleOutput.Silent }, [scenario], CancellationToken.None);
    }
}
