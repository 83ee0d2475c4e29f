using System.Net;
using System.Text.RegularExpressions;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FaultLab.LoadFaults.Tests;

/// <summary>docs/load-faults.md's example is this file's marked region, compiled and run against the fake dependency.</summary>
public sealed class DocsExampleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_docs_example_compiles_runs_passes_its_thresholds_and_matches_the_doc_word_for_word()
    {
        await using var dependency = await Dependency.StartAsync();
        await using (var warm = new Clients(dependency, _ => { }))
        {
            await warm.WarmUpAsync(dependency);
        }

        var services = new ServiceCollection();
        Uri baseAddress = dependency.BaseAddress;
        string reports = Path.Combine(Path.GetTempPath(), "faultlab-docs-example");

        // docs:load-example:begin
        services.AddHttpClient("orders", c => c.BaseAddress = baseAddress)
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(50);  // shipped: 2 s, longer than a short run can show
                o.CircuitBreaker.FailureRatio = 0.5;            // shipped: 10 %, a steady 20 % of 503s would open it
            });
        var attempts = new AttemptRecorder();               // every attempt, where the dependency sees it
        services.AddHttpClient("orders")
            .AddFaultInjection(f => f.WithSeed(42).AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.2))
            .RecordAttempts(attempts);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        var orders = Scenario.Create("orders", ctx =>
                FaultAwareStep.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/orders/1"), ctx))
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)))
            .WithThresholds(Threshold.SuccessRate(0.99), Threshold.Percentile(99, TimeSpan.FromSeconds(1)));

        using var measures = new ResilienceMeasures("orders", "orders", attempts); // scenario name, client name
        var result = await LoadTest.RunAsync(new LoadTestOptions
        {
            ReportsFolder = reports,                                     // .md, .json, .html, .hlog
            Enrichers = [measures.Enrich],
        }, orders);

        result.EnsureThresholdsPassed();
        double amplification = result["orders"].CustomMetrics[ResilienceMeasures.Amplification];  // attempts sent per call
        double forwarded = result["orders"].CustomMetrics[ResilienceMeasures.ForwardedPerCall];   // attempts that reached it
        // docs:load-example:end

        var s = result["orders"];
        output.WriteLine(s.Describe(dependency.Requests));
        // 3 retries: a call fails when 4 attempts in a row draw the 20 % (0.16 %, ≈ 1.6 of 1000 calls); the
        // example's 99 % threshold would need 11 such calls.
        Assert.InRange(s.Stats.SuccessRate, 0.99, 1.0);
        Assert.Equal((double)dependency.Requests / s.Stats.Count, forwarded, 6);
        Assert.Equal((s.Stats.Count + s.Metric(ResilienceMeasures.Retries)) / s.Stats.Count, amplification, 2);
        Assert.Equal(amplification - forwarded, s.Metric(ResilienceMeasures.StoppedByFaultPerCall), 9);
        Assert.Equal(0, s.Metric(ResilienceMeasures.RetryAfterViolations)); // these 503s carry no Retry-After
        Assert.InRange(s.Metric(ResilienceMeasures.InjectedPerCall), 0.19, 0.31);
        Assert.True(s.Metric(ResilienceMeasures.Retries) > 0.15 * s.Stats.Count);
        Assert.Contains(s.Sections, section => section.Title == "Injected faults");
        Assert.True(File.Exists(Path.Combine(reports, "load-report.html")));

        // The doc shows exactly this code.
        string doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "load-faults.md"));
        string region = Region(File.ReadAllText(Path.Combine(RepoRoot(), "tests", "LoadFaults", "DocsExampleTests.cs")));
        Assert.Contains(Normalize(region), Normalize(doc), StringComparison.Ordinal);
    }

    private static string Region(string source)
    {
        var match = Regex.Match(source, @"// docs:load-example:begin\r?\n(.*?)\r?\n\s*// docs:load-example:end", RegexOptions.Singleline);
        Assert.True(match.Success, "the docs:load-example markers are missing");
        return match.Groups[1].Value;
    }

    // Indentation differs between a method body and a Markdown code block; everything else must match.
    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FaultLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above " + AppContext.BaseDirectory);
    }
}
