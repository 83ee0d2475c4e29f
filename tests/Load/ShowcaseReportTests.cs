namespace FaultLab.Load.Tests;

/// <summary>
/// A realistic run rendered to every format: an open-model checkout and a closed-model browse scenario share
/// a loopback dependency that stalls for a second, with a plugin-style enricher adding markers and metrics.
/// Set FAULTLAB_REPORT_COPY to keep the files (docs/images/load-report.png is a screenshot of this page).
/// </summary>
public sealed class ShowcaseReportTests
{
    [Fact]
    public async Task Stalled_dependency_run_renders_markers_drops_and_both_latency_views()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        TimeSpan? stallAt = null;
        var stallGate = 0;
        async Task<Response> Call(ScenarioContext ctx, string path, string tag)
        {
            if (ctx.Elapsed >= TimeSpan.FromSeconds(3) && Interlocked.Exchange(ref stallGate, 1) == 0)
            {
                stallAt = ctx.Elapsed;
                server.Stall(TimeSpan.FromSeconds(1));
            }
            using var response = await client.GetAsync(path, ctx.CancellationToken);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? Response.Ok(code, 2, tag) : Response.Fail(code, "server error", tag);
        }

        var checkout = Scenario.Create("checkout", ctx => Call(ctx, "/flaky", ctx.Iteration % 3 == 0 ? "pay" : "cart"))
            .WithMaxConcurrency(150)
            .WithLoadSimulations(
                Simulation.RampingInject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
                Simulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)))
            .WithThresholds(Threshold.SuccessRate(0.85), Threshold.Percentile(99, TimeSpan.FromMilliseconds(250)), Threshold.Dropped(0));
        var browse = Scenario.Create("browse", ctx => Call(ctx, "/", "home"))
            .WithLoadSimulations(Simulation.KeepConstant(4, TimeSpan.FromSeconds(6)))
            .WithThresholds(Threshold.Percentile(99, TimeSpan.FromMilliseconds(250)));

        var folder = Environment.GetEnvironmentVariable("FAULTLAB_REPORT_COPY") is { Length: > 0 } keep
            ? keep : Path.Combine(Path.GetTempPath(), "faultlab-showcase-" + Guid.NewGuid().ToString("N"));
        var options = new LoadTestOptions
        {
            ConsoleOutput = ConsoleOutput.Silent,
            ReportsFolder = folder,
            Enrichers =
            [
                result =>
                {
                    foreach (var scenario in result.Scenarios)
                    {
                        scenario.AddMarker(stallAt ?? TimeSpan.FromSeconds(3), "dependency stalls", "fault");
                        scenario.AddMarker((stallAt ?? TimeSpan.FromSeconds(3)) + TimeSpan.FromSeconds(1), "stall over", "fault");
                    }
                    result["checkout"].SetMetric("injected stall (s)", 1);
                },
            ],
        };
        try
        {
            var result = await LoadTest.RunAsync(options, checkout, browse);

            var c = result["checkout"].Stats;
            Assert.True(c.Dropped > 0, "a 150 cap cannot hold a 1 s stall at 200/s");
            Assert.True(c.Latency.P99Ms > 500, $"checkout p99 {c.Latency.P99Ms}");
            Assert.InRange(c.SuccessRate, 0.85, 0.95);  // every 10th call to /flaky is a 503
            var b = result["browse"].Stats;
            Assert.True(b.Latency.P99Ms > 5 * b.LatencyMeasured.P99Ms, $"corrected {b.Latency.P99Ms} vs raw {b.LatencyMeasured.P99Ms}");
            Assert.False(result.Passed);
            var html = File.ReadAllText(Path.Combine(folder, "load-report.html"));
            Assert.Contains("dependency stalls", html);
            Assert.Contains("Scenario checkout", html);
            Assert.Contains("Scenario browse", html);
        }
        finally
        {
            if (folder != Environment.GetEnvironmentVariable("FAULTLAB_REPORT_COPY") && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
