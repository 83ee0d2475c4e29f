using System.Net;
using System.Text.RegularExpressions;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>docs/load-faults.md's example is this file's marked region, compiled and run against the fake dependency.</summary>
public sealed class DocsExampleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_docs_example_compiles_runs_passes_its_thresholds_and_matches_the_doc_word_for_word()
    {
        await using var dependency = await WarmDependencyAsync();

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
        string region = Region(File.ReadAllText(Path.Combine(RepoRoot(), "tests", "Load.Resilience", "DocsExampleTests.cs")), "load-example");
        Assert.Contains(Normalize(region), Normalize(doc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_docs_recovery_example_compiles_runs_and_measures_the_time_to_recover_after_the_outage()
    {
        await using var dependency = await WarmDependencyAsync();

        var services = new ServiceCollection();
        Uri baseAddress = dependency.BaseAddress;

        // docs:recovery-example:begin
        var attempts = new AttemptRecorder();
        services.AddHttpClient("orders", c => c.BaseAddress = baseAddress)
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(50);
                o.CircuitBreaker.MinimumThroughput = 10;                     // a breaker at the test's time scale
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(2);
                o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(1);
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);
            });
        services.AddHttpClient("orders")
            .AddFaultInjection(f => f.AddOutage(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)))  // down 3–6 s
            .RecordAttempts(attempts);
        await using var provider = services.BuildServiceProvider();

        var profileStarted = TimeProvider.System.GetUtcNow();      // the outage's schedule counts from here
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        var faults = provider.GetRequiredService<IOptionsMonitor<FaultInjectionOptions>>().Get("orders").Faults;

        var orders = Scenario.Create("orders", ctx =>
                FaultAwareStep.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/orders/1"), ctx))
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));

        using var measures = new ResilienceMeasures("orders", "orders", attempts)
            .MarkFaultWindows(faults, profileStarted);               // shaded on the charts, recovery measured
        var result = await LoadTest.RunAsync(new LoadTestOptions { Enrichers = [measures.Enrich] }, orders);

        WindowRecovery outage = measures.Recoveries.Single();
        double? recovered = outage.TimeToRecoverSeconds;             // from the window's end, ±1 s (one bucket)
        // docs:recovery-example:end

        var s = result["orders"];
        output.WriteLine(s.Describe(dependency.Requests));
        output.WriteLine($"window {outage.Window.StartSeconds:0.00}–{outage.Window.EndSeconds:0.00} s, baseline {outage.BaselineSuccessRate:P1}, back at {outage.RecoveredAtSeconds:0.00} s: {recovered:0.00} s; markers: " +
            string.Join(", ", s.Markers.Select(m => $"{m.Label} @ {m.AtSeconds:0.00}")));
        foreach (var p in s.Timeline)
        {
            output.WriteLine($"  {p.StartSeconds,4:0} s  ok {p.Ok,3}/{p.Count,3}");
        }

        // The breaker opens in the window, and once the dependency is back it lets a probe through within its 1 s
        // break and closes: the caller is back within two seconds of the window's end, never before it.
        Assert.Equal("Outage", outage.Window.Fault);
        Assert.Equal(3.0, outage.Window.LengthSeconds, 6);
        Assert.NotNull(recovered);
        Assert.InRange(recovered!.Value, 0, 2);
        Assert.Equal(recovered.Value, s.Metric(ResilienceMeasures.TimeToRecover), 9);
        Assert.Contains(s.Windows, w => w.Category == "fault" && w.Label == "Outage");

        string doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "load-faults.md"));
        string region = Region(File.ReadAllText(Path.Combine(RepoRoot(), "tests", "Load.Resilience", "DocsExampleTests.cs")), "recovery-example");
        Assert.Contains(Normalize(region), Normalize(doc), StringComparison.Ordinal);
    }

    /// <summary>A started dependency, after one second of warm-up load through a throwaway client.</summary>
    private static async Task<Dependency> WarmDependencyAsync()
    {
        var dependency = await Dependency.StartAsync();
        await using (var warm = new Clients(dependency, _ => { }))
        {
            await warm.WarmUpAsync(dependency);
        }

        return dependency;
    }

    private static string Region(string source, string name)
    {
        var match = Regex.Match(source, $@"// docs:{name}:begin\r?\n(.*?)\r?\n\s*// docs:{name}:end", RegexOptions.Singleline);
        Assert.True(match.Success, $"the docs:{name} markers are missing");
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
