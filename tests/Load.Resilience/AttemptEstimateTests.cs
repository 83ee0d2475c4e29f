using System.Net;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>Without an <see cref="AttemptRecorder"/>, attempts are estimated from Polly's events, and the report says so.</summary>
public sealed class AttemptEstimateTests
{
    [Fact]
    public async Task Without_a_recorder_a_client_with_no_retries_still_reads_one_attempt_per_call_labelled_as_an_estimate()
    {
        await using var dependency = await Dependency.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient("plain", c => c.BaseAddress = dependency.BaseAddress)
            .AddFaultInjection(f => f.WithSeed(8).AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.5));
        await using var provider = services.BuildServiceProvider();
        var scenario = LoadRun.Orders("plain", provider.GetRequiredService<IHttpClientFactory>().CreateClient("plain"))
            .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        using var measures = new ResilienceMeasures("plain", "plain");
        var result = await LoadTest.RunAsync(new LoadTestOptions { ConsoleOutput = ConsoleOutput.Silent, Enrichers = [measures.Enrich] }, scenario);
        var s = result["plain"];

        Assert.Equal(1.0, s.Metric(ResilienceMeasures.Amplification));
        Assert.Equal(s.Stats.SuccessRate, s.Metric(ResilienceMeasures.ForwardedPerCall), 9);
        Assert.Equal(1.0 - s.Stats.SuccessRate, s.Metric(ResilienceMeasures.StoppedByFaultPerCall), 9);
        Assert.InRange(s.Metric(ResilienceMeasures.StoppedByFaultPerCall), 0.3, 0.7);
        var attempts = Assert.Single(s.Sections, x => x.Title.StartsWith("Attempts per call", StringComparison.Ordinal));
        Assert.StartsWith("estimated", attempts.Rows[0][3], StringComparison.Ordinal);
        Assert.DoesNotContain(ResilienceMeasures.RetryAfterViolations, s.CustomMetrics.Keys); // nothing to judge them by
        Assert.Throws<ArgumentOutOfRangeException>(() => measures.RecoveryMargin = 1.5);
    }
}
