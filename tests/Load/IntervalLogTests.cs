using System.Text;
using HdrHistogram;

namespace FaultLab.Load.Tests;

public sealed class IntervalLogTests
{
    private static IntervalHistogram Interval(string tag, double start, Random random, int count)
    {
        var histogram = new LongHistogram(1, 3_600_000_000, 3);
        for (var i = 0; i < count; i++)
            histogram.RecordValue(random.Next(50, 5_000_000));
        return new IntervalHistogram(tag, start, 1, histogram);
    }

    [Fact]
    public void Logs_round_trip_and_logs_from_several_machines_add_up()
    {
        var random = new Random(42);
        var machineA = Enumerable.Range(0, 5).Select(i => Interval("checkout", i, random, 1000 + i)).ToList();
        var machineB = Enumerable.Range(0, 5).Select(i => Interval("checkout", i, random, 3000)).ToList();
        var start = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        byte[] Write(IEnumerable<IntervalHistogram> intervals)
        {
            using var stream = new MemoryStream();
            HdrIntervalLogWriter.Write(stream, start, intervals);
            return stream.ToArray();
        }
        var logA = Write(machineA);
        var logB = Write(machineB);

        var text = Encoding.UTF8.GetString(logA);
        Assert.NotEqual(0xEF, logA[0]);                                          // UTF-8 without BOM
        Assert.StartsWith("#[Histogram log format version 1.3]\n", text);
        Assert.Contains("#[StartTime: 1767323045.000 (seconds since epoch)", text); // invariant: '.' decimal separator
        Assert.Contains("\nTag=checkout,0.000,1.000,", text);

        var readA = HdrIntervalLogReader.Read(new MemoryStream(logA));
        Assert.Equal(5, readA.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(machineA[i].Histogram.TotalCount, readA[i].Histogram.TotalCount);
            Assert.Equal(machineA[i].Histogram.GetValueAtPercentile(99), readA[i].Histogram.GetValueAtPercentile(99));
        }

        var merged = HdrIntervalLogReader.Sum(readA.Concat(HdrIntervalLogReader.Read(new MemoryStream(logB))), "checkout");
        var expected = new LongHistogram(1, 3_600_000_000, 3);
        foreach (var interval in machineA.Concat(machineB))
            expected.Add(interval.Histogram);
        Assert.Equal(expected.TotalCount, merged.TotalCount);
        foreach (var p in new[] { 50.0, 90, 99, 99.9 })
            Assert.Equal(expected.GetValueAtPercentile(p), merged.GetValueAtPercentile(p));
        Assert.Equal(expected.GetMaxValue(), merged.GetMaxValue());
    }

    [Fact]
    public void Tags_with_separators_are_sanitised_and_other_tags_are_filtered_out()
    {
        var random = new Random(1);
        using var stream = new MemoryStream();
        HdrIntervalLogWriter.Write(stream, DateTimeOffset.UnixEpoch, [Interval("a b,c", 0, random, 10), Interval("other", 0, random, 7)]);
        stream.Position = 0;
        var read = HdrIntervalLogReader.Read(stream);
        Assert.Equal("a_b_c", read[0].Tag);
        Assert.Equal(10, HdrIntervalLogReader.Sum(read, "a b,c").TotalCount);
        Assert.Equal(17, HdrIntervalLogReader.Sum(read).TotalCount);
    }
}

public sealed class IntervalSumTests
{
    [Fact]
    public void The_log_is_written_and_read_the_same_under_a_comma_decimal_culture()
    {
        // The test process runs with InvariantGlobalization, so "de-DE" is unavailable and the culture checks above
        // would pass whatever the writer did: build a culture with ',' decimals and '.' grouping by hand.
        var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        var histogram = new LongHistogram(1, 3_600_000_000, 3);
        histogram.RecordValueWithCount(1_234_567, 3);
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = comma;
            using var stream = new MemoryStream();
            HdrIntervalLogWriter.Write(stream, new DateTimeOffset(2026, 1, 2, 3, 4, 5, 250, TimeSpan.Zero), [new IntervalHistogram("t", 1.5, 0.25, histogram)]);
            var text = Encoding.UTF8.GetString(stream.ToArray());
            Assert.Contains("#[StartTime: 1767323045.250 (seconds since epoch)", text);
            Assert.Contains("\nTag=t,1.500,0.250,1234.943,", text);

            stream.Position = 0;
            var read = Assert.Single(HdrIntervalLogReader.Read(stream));
            Assert.Equal(1.5, read.StartSeconds);
            Assert.Equal(0.25, read.LengthSeconds);
            Assert.Equal(3, read.Histogram.TotalCount);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_tag_line_without_fields_is_a_format_error_naming_the_line()
    {
        var log = "#[Histogram log format version 1.3]\nTag=orphan\n"u8.ToArray();

        var error = Assert.Throws<FormatException>(() => HdrIntervalLogReader.Read(new MemoryStream(log)));
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Sum_finds_in_memory_intervals_by_a_tag_that_the_log_would_sanitise()
    {
        // ScenarioResult.Intervals carry the scenario name as is; Sum must find them by that same name.
        var histogram = new LongHistogram(1, 3_600_000_000, 3);
        histogram.RecordValueWithCount(1000, 10);
        IntervalHistogram[] intervals = [new("check out", 0, 1, histogram)];

        Assert.Equal(10, HdrIntervalLogReader.Sum(intervals, "check out").TotalCount);
    }
}

public sealed class IntervalLogTimelineTests
{
    [Fact]
    public async Task Interval_start_times_in_the_log_are_relative_to_the_logged_start_time_not_to_the_measured_start()
    {
        // The log's StartTime is the run start; the measured run begins only after init and warm-up.
        var scenario = Scenario.Create("warm", _ => Task.FromResult(Response.Ok()))
            .WithInit(async _ => await Task.Delay(300))
            .WithWarmUpDuration(TimeSpan.FromSeconds(1))
            .WithLoadSimulations(Simulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var result = await Quiet.RunAsync(scenario);

        var scenarioResult = result["warm"];
        var offset = (scenarioResult.MeasuredStartedAt - result.StartedAt).TotalSeconds;
        Assert.InRange(offset, 1.25, 5);
        var path = Path.Combine(Path.GetTempPath(), $"faultlab-{Guid.NewGuid():N}.hlog");
        try
        {
            HdrIntervalLogWriter.Write(path, result);
            var read = HdrIntervalLogReader.Read(path);
            Assert.Equal(scenarioResult.Intervals.Count, read.Count);
            for (var i = 0; i < read.Count; i++)
                Assert.Equal(scenarioResult.Intervals[i].StartSeconds + offset, read[i].StartSeconds, 0.0011);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
