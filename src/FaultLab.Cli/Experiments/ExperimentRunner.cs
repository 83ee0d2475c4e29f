using FaultLab.Cli.Demo;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaultLab.Cli.Experiments;

/// <summary>
/// Drives the same open-model load against several client set-ups side by side, each with its faults injected
/// innermost, and gathers the resilience measures. Composition only: the faults are FaultLab's, the load and the
/// reports FaultLab.Load's.
/// </summary>
internal static class ExperimentRunner
{
    public static async Task<ExperimentOutcome> RunAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        var attempts = new List<AttemptRecorder>();
        foreach (var client in plan.Clients)
        {
            var tokens = plan.TokenEndpoint is { } endpoint ? new TokenSource(endpoint, TimeProvider.System) : null;
            var recorder = new AttemptRecorder();
            ClientSetup.Add(services, client.Name, plan.Target, client.Resilience, tokens, client.Faults).RecordAttempts(recorder);
            attempts.Add(recorder);
        }

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var profiles = provider.GetRequiredService<IOptionsMonitor<FaultInjectionOptions>>();
        var measures = plan.Clients.Select((c, i) => new ResilienceMeasures(c.Name, c.Name, attempts[i])).ToList();
        try
        {
            var scenarios = plan.Clients.Select((c, i) =>
            {
                // A profile's schedules run from the client's first resolution: the fault windows count from here.
                var profileStarted = TimeProvider.System.GetUtcNow();
                var http = factory.CreateClient(c.Name);
                measures[i].MarkFaultWindows(profiles.Get(c.Name).Faults, profileStarted);
                return Scenario(c, http, plan);
            }).ToArray();
            var enrichers = measures.Select(m => (Action<LoadTestResult>)m.Enrich).ToList();
            if (plan.Clients.Count > 1)
            {
                enrichers.Add(r => r.CompareScenarios([.. plan.Clients.Select(c => c.Name)]));
            }

            var options = new LoadTestOptions
            {
                ReportsFolder = plan.ReportsFolder,
                ReportFileName = plan.ReportName,
                ConsoleOutput = plan.Live ? ConsoleOutput.Live : ConsoleOutput.Silent,
                Enrichers = enrichers,
            };
            var result = await LoadTest.RunAsync(options, scenarios, cancellationToken).ConfigureAwait(false);
            return new ExperimentOutcome(result, measures.Select(m => m.Snapshot).ToList());
        }
        finally
        {
            measures.ForEach(m => m.Dispose());
        }
    }

    private static Scenario Scenario(ClientUnderTest client, HttpClient http, ExperimentPlan plan) =>
        FaultLab.Load.Scenario.Create(client.Name, ctx =>
            {
                string path = plan.Path.Replace("{n}", ((ctx.Iteration % 100) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                return FaultAwareStep.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, path), ctx,
                    r => r.Headers.Contains(ClientSetup.FallbackHeader));
            })
            .WithLoadSimulations(Simulation.Inject(plan.Rate, TimeSpan.FromSeconds(1), plan.Duration))
            .WithMaxConcurrency(plan.MaxConcurrency)
            .WithThresholds([.. plan.Thresholds]);
}

/// <summary>What to run.</summary>
internal sealed record ExperimentPlan(
    Uri Target,
    Uri? TokenEndpoint,
    IReadOnlyList<ClientUnderTest> Clients,
    string Path,
    double Rate,
    TimeSpan Duration,
    int MaxConcurrency,
    IReadOnlyList<Threshold> Thresholds,
    string? ReportsFolder,
    string ReportName,
    bool Live);

/// <summary>What a run produced: the load result (enriched) and each client's resilience snapshot, in plan order.</summary>
internal sealed record ExperimentOutcome(LoadTestResult Result, IReadOnlyList<ResilienceSnapshot> Resilience);
