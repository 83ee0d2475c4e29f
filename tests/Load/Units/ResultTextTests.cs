namespace FaultLab.Load.Tests.Units;

/// <summary>The run result's verdicts, lookups and failure message, and the Markdown report, from hand-made results.</summary>
public sealed class ResultTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_failure_message_is_a_table_of_every_rule_with_the_aborts_first()
    {
        var result = Run(Scenario("a", abort: null, Threshold.Dropped(5), Threshold.Dropped(1)), Scenario("b", abort: "too slow", Threshold.Dropped(0)));

        var message = Assert.Throws<ThresholdsFailedException>(result.EnsureThresholdsPassed).Message;

        Assert.Equal(string.Join(Environment.NewLine,
            "Load test thresholds failed: 2 rule(s) failed.",
            "Scenario 'b' aborted: too slow",
            "scenario | rule         | status | actual | expected | margin",
            "---------+--------------+--------+--------+----------+-----------",
            "a        | dropped <= 5 | pass   | 3      | <= 5     | under by 2",
            "a        | dropped <= 1 | FAIL   | 3      | <= 1     | over by 2",
            "b        | dropped <= 0 | FAIL   | 3      | <= 0     | over by 3",
            ""), message);
        Assert.Same(result, Assert.Throws<ThresholdsFailedException>(result.EnsureThresholdsPassed).Result);
    }

    [Fact]
    public void A_run_passes_only_when_every_scenario_passes_and_none_aborted()
    {
        var passing = Run(Scenario("a", null, Threshold.Dropped(5)), Scenario("b", null));
        var aborted = Run(Scenario("a", "stopped"));

        Assert.Equal((true, 0), (passing.Passed, passing.ExitCode));
        passing.EnsureThresholdsPassed();
        Assert.Equal((false, 1), (aborted.Passed, aborted.ExitCode));
        Assert.False(aborted.Scenarios[0].Passed);
        Assert.Equal("b", passing["b"].Name);
        Assert.Equal("No scenario named 'c' in this result.", Assert.Throws<KeyNotFoundException>(() => passing["c"]).Message);
        Assert.Equal(3.0, passing.DurationSeconds);
        Assert.Empty(passing.MergedAgents);
    }

    [Fact]
    public void A_comparison_names_two_or_more_distinct_known_scenarios()
    {
        var result = Run(Scenario("a", null), Scenario("b", null), Scenario("c", null));

        Assert.Equal("A comparison needs at least two scenarios, got 1. (Parameter 'scenarioNames')", Assert.Throws<ArgumentException>(() => result.CompareScenarios("a")).Message);
        Assert.Equal("A comparison names each scenario once. (Parameter 'scenarioNames')", Assert.Throws<ArgumentException>(() => result.CompareScenarios("a", "a")).Message);
        Assert.Throws<KeyNotFoundException>(() => result.CompareScenarios("a", "x"));
        Assert.Empty(result.ComparedScenarios);
        result.CompareScenarios("c", "a");
        Assert.Equal(["c", "a"], result.ComparedScenarios);
    }

    [Fact]
    public void The_markdown_report_renders_every_table_with_escaped_cells()
    {
        var scenario = Scenario("a", null);
        scenario.AddSection(new ReportSection("Notes", ["k|ey", "v"], [["two\nlines", "x|y"]]));
        var result = new LoadTestResult(Start, TimeSpan.FromSeconds(3), [scenario], "fp", new AgentRun(0, 2, null, 0));

        var md = MarkdownReport.Render(result);

        Assert.StartsWith("# Load test report\n\nStarted 2026-12-01 10:00:00 UTC, ran 3.0 s. **NO THRESHOLDS**\n\n"
            + "Agent 0 of 2 (schedule fp): this report holds only this agent's slice; merge all agents with faultlab report merge.\n\n"
            + "## Scenario `a`\n\nLoad: Pause during 1 s\n\n### Summary\n\n| metric | value |\n|---|---|\n| duration | 2.50 s |\n", md);
        Assert.EndsWith("### Notes\n\n| k\\|ey | v |\n|---|---|\n| two lines | x\\|y |\n\n", md);
        Assert.DoesNotContain("Agent 0 of 2", MarkdownReport.Render(Run(Scenario("a", null))));
        Assert.Throws<ArgumentNullException>(() => MarkdownReport.Render(null!));
    }

    [Fact]
    public void The_writer_writes_only_the_formats_asked_for()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"faultlab-writer-{Guid.NewGuid():N}");
        try
        {
            var files = ReportWriter.WriteAll(Run(Scenario("a", null)), folder, ReportFormats.Csv | ReportFormats.HdrIntervalLog, "r");

            Assert.Equal([Path.Combine(folder, "r.csv"), Path.Combine(folder, "r.hlog")], files);
            Assert.Equal(["r.csv", "r.hlog"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
            Assert.StartsWith("scenario,step,", File.ReadAllText(files[0]));
            Assert.Empty(ReportWriter.WriteAll(Run(Scenario("a", null)), folder, ReportFormats.None));
            Assert.Throws<ArgumentException>(() => ReportWriter.WriteAll(Run(Scenario("a", null)), " ", ReportFormats.All));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ScenarioResult Scenario(string name, string? abort, params Threshold[] rules)
    {
        var stats = new ScenarioStats { ScenarioName = name, DurationSeconds = 2.5, Count = 4, Ok = 4, Dropped = 3 };
        return new ScenarioResult(stats, [], rules.Select(r => r.Evaluate(stats)).ToList(), [], (IReadOnlyList<string>)["Pause during 1 s"], abort, Start);
    }

    private static LoadTestResult Run(params ScenarioResult[] scenarios) => new(Start, TimeSpan.FromSeconds(3), scenarios, "fp");
}
