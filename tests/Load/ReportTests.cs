using System.Text.Json;

namespace FaultLab.Load.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faultlab-load-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_report_format_is_written_and_parseable()
    {
        var scenario = Scenario.Create("mixed", async ctx =>
        {
            await Task.Delay(ctx.Iteration % 10 == 0 ? 20 : 2, ctx.CancellationToken);
            return (ctx.Iteration % 10) switch
            {
                0 => Response.Fail(503, "unavailable", tag: "search"),
                1 or 2 => Response.Ok(200, 512, tag: "search"),
                3 => Response.Fail(429, "throttled", tag: "checkout"),
                _ => Response.Ok(200, 128, tag: "browse"),
            };
        })
        .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), Simulation.KeepConstant(4, TimeSpan.FromSeconds(1)))
        .WithThresholds(Threshold.SuccessRate(0.5), Threshold.Percentile(99, TimeSpan.FromMilliseconds(5)));

        var options = new LoadTestOptions
        {
            ConsoleOutput = ConsoleOutput.Silent,
            ReportsFolder = _folder,
            Enrichers =
            [
                result =>
                {
                    var r = result["mixed"];
                    r.SetMetric("retry amplification", 1.25);
                    r.AddMarker(TimeSpan.FromSeconds(1.5), "breaker opened", "circuit-breaker");
                    r.AddSection(new ReportSection("Injected faults", ["fault", "count"], [["http 503", "30"]]));
                },
            ],
        };
        var result = await LoadTest.RunAsync(options, scenario);

        Assert.Equal(6, result.ReportFiles.Count); // md, json, html, hlog, csv, txt
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "load-report.json")));
        var s = json.RootElement.GetProperty("scenarios")[0];
        Assert.Equal("mixed", s.GetProperty("name").GetString());
        Assert.Equal(result["mixed"].Stats.Count, s.GetProperty("stats").GetProperty("count").GetInt64());
        Assert.Equal(1.25, s.GetProperty("customMetrics").GetProperty("retry amplification").GetDouble());
        Assert.True(s.GetProperty("timeline").GetArrayLength() >= 3);
        Assert.Equal("breaker opened", s.GetProperty("markers")[0].GetProperty("label").GetString());

        var html = File.ReadAllText(Path.Combine(_folder, "load-report.html"));
        Assert.Contains("Throughput over time", html);
        Assert.Contains("Latency percentiles over time", html);
        Assert.Contains("Status codes over time", html);
        Assert.Contains("Outcomes by status code", html);
        Assert.Contains("Outcomes by tag", html);
        Assert.True(html.Split("<svg").Length - 1 >= 5, "five inline charts");
        Assert.Contains("breaker opened", html);
        Assert.Contains("Injected faults", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html);

        var md = File.ReadAllText(Path.Combine(_folder, "load-report.md"));
        Assert.Contains("| metric | value |", md);
        Assert.Contains("| corrected |", md);
        Assert.Contains("| measured (raw) |", md);
        Assert.Contains("p99 <= 5 ms", md);
        Assert.Contains("| retry amplification | 1.25 |", md);

        Assert.StartsWith("mixed,,", File.ReadAllLines(Path.Combine(_folder, "load-report.csv"))[1], StringComparison.Ordinal);
        Assert.Contains("retry amplification", File.ReadAllText(Path.Combine(_folder, "load-report.txt")));

        var intervals = HdrIntervalLogReader.Read(Path.Combine(_folder, "load-report.hlog"));
        Assert.Equal(result["mixed"].Stats.MeasuredHistogram!.TotalCount, HdrIntervalLogReader.Sum(intervals, "mixed").TotalCount);

        CopyForInspection();
    }

    /// <summary>Set FAULTLAB_REPORT_COPY to keep the files (used to screenshot the HTML report).</summary>
    private void CopyForInspection()
    {
        if (Environment.GetEnvironmentVariable("FAULTLAB_REPORT_COPY") is not { Length: > 0 } target) return;
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(_folder))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
