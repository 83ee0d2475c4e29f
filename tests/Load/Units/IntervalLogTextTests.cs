using HdrHistogram;
using static FaultLab.Load.Tests.Units.StatsFixtures;

namespace FaultLab.Load.Tests.Units;

/// <summary>The interval log's exact text: header, agent and merge comments, shifted starts; and what the reader refuses.</summary>
public sealed class IntervalLogTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, 500, TimeSpan.Zero);

    [Fact]
    public void Each_scenario_interval_is_shifted_from_its_measured_start_onto_the_run_start()
    {
        var lines = Write(new LoadTestResult(Start, TimeSpan.FromSeconds(5), [Scenario("a b", Start.AddSeconds(2)), Scenario("c", default)], "fp"));

        Assert.Equal(
        [
            "#[Histogram log format version 1.3]",
            "#[StartTime: 1796119200.500 (seconds since epoch), 2026-12-01T10:00:00.500Z]",
            "#[Written by FaultLab.Load: values are latencies in microseconds; Interval_Max is in milliseconds]",
            "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"",
        ], lines.Take(4));
        Assert.StartsWith("Tag=a_b,3.000,1.000,1.500,", lines[4]);  // measured 2 s after the run start, interval at 1 s
        Assert.StartsWith("Tag=c,1.000,1.000,1.500,", lines[5]);    // no measured start: not shifted
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void An_agent_log_and_a_merged_log_say_what_they_are()
    {
        var scenarios = new[] { Scenario("s", default) };

        var agent = Write(new LoadTestResult(Start, TimeSpan.FromSeconds(1), scenarios, "fp", new AgentRun(1, 2, Start, 0)));
        var noInstant = Write(new LoadTestResult(Start, TimeSpan.FromSeconds(1), scenarios, "fp", new AgentRun(0, 2, null, 0)));
        var merged = Write(new LoadTestResult(Start, TimeSpan.FromSeconds(1), scenarios, "fp", null, [new AgentRun(0, 2, null, 0), new AgentRun(1, 2, null, 0)]));

        Assert.Equal("#[FaultLab agent 1 of 2, schedule fp, start instant 2026-12-01T10:00:00.500Z]", agent[3]);
        Assert.Equal("#[FaultLab agent 0 of 2, schedule fp, start instant none]", noInstant[3]);
        Assert.Equal("#[FaultLab merge of 2 agents, schedule fp]", merged[3]);
    }

    [Fact]
    public void An_untagged_empty_interval_has_no_tag_and_a_zero_maximum()
    {
        using var stream = new MemoryStream();

        HdrIntervalLogWriter.Write(stream, Start, [new IntervalHistogram(null, 0, 1, Micros()), new IntervalHistogram("", 1, 1, Micros(7))]);
        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        stream.Position = 0;
        var read = HdrIntervalLogReader.Read(stream);

        Assert.StartsWith("0.000,1.000,0.000,", lines[4]);
        Assert.StartsWith("1.000,1.000,0.007,", lines[5]);
        Assert.Equal([(null, 0.0, 0L), (null, 1.0, 1L)], read.Select(i => (i.Tag, i.StartSeconds, i.Histogram.TotalCount)));
    }

    [Fact]
    public void The_reader_skips_blank_and_comment_lines_and_refuses_lines_without_four_fields()
    {
        var encoded = Convert.ToBase64String(Histograms.EncodeCompressed(Micros(5)));

        var read = Read($"\n#[comment]\n\"StartTimestamp\",\"x\"\nTag=t,0.5,0.25,0.005,{encoded}\n");
        var short3 = Assert.Throws<FormatException>(() => Read("#\n0.5,0.25,0.005\n"));
        var long5 = Assert.Throws<FormatException>(() => Read($"Tag=t,0.5,0.25,0.005,{encoded},x\n"));

        Assert.Equal([("t", 0.5, 0.25, 1L)], read.Select(i => (i.Tag, i.StartSeconds, i.LengthSeconds, i.Histogram.TotalCount)));
        Assert.Equal("Interval log line 2: expected 4 fields, found 3.", short3.Message);
        Assert.Equal("Interval log line 1: expected 4 fields, found 5.", long5.Message);
    }

    [Fact]
    public void Sum_adds_every_interval_or_only_one_tag()
    {
        IntervalHistogram[] intervals = [new("a b", 0, 1, Micros(1)), new("a_b", 1, 1, Micros(2)), new("c", 0, 1, Micros(3)), new(null, 0, 1, Micros(4))];

        Assert.Equal(4, HdrIntervalLogReader.Sum(intervals).TotalCount);
        Assert.Equal(2, HdrIntervalLogReader.Sum(intervals, "a b").TotalCount);
        Assert.Equal(3, HdrIntervalLogReader.Sum(intervals, "c").GetMaxValue());
        Assert.Equal("a_b_c_d_e_f", HdrIntervalLogWriter.SanitizeTag("a,b c\rd\ne\tf"));
    }

    private static IReadOnlyList<IntervalHistogram> Read(string text) =>
        HdrIntervalLogReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string[] Write(LoadTestResult result)
    {
        var path = Path.Combine(Path.GetTempPath(), $"faultlab-log-{Guid.NewGuid():N}.hlog");
        try
        {
            HdrIntervalLogWriter.Write(path, result);
            return File.ReadAllText(path).TrimEnd('\n').Split('\n');
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ScenarioResult Scenario(string name, DateTimeOffset measuredStart) =>
        new(new ScenarioStats { ScenarioName = name }, [], [], [new IntervalHistogram(name, 1, 1, Micros(1500))],
            (IReadOnlyList<string>)["Pause during 1 s"], null, measuredStart);
}
