namespace FaultLab.Load;

/// <summary>Entry point: runs scenarios concurrently, evaluates thresholds and writes reports.</summary>
public static class LoadTest
{
    /// <summary>Runs the scenarios with default options (console output, no report files).</summary>
    /// <param name="scenarios">One or more scenarios with unique names.</param>
    public static Task<LoadTestResult> RunAsync(params Scenario[] scenarios) =>
        RunAsync(new LoadTestOptions(), scenarios, CancellationToken.None);

    /// <summary>Runs the scenarios.</summary>
    /// <param name="options">Run and report options.</param>
    /// <param name="scenarios">One or more scenarios with unique names.</param>
    public static Task<LoadTestResult> RunAsync(LoadTestOptions options, params Scenario[] scenarios) =>
        RunAsync(options, scenarios, CancellationToken.None);

    /// <summary>Runs the scenarios concurrently. All input is validated before any load is generated.</summary>
    /// <param name="options">Run and report options.</param>
    /// <param name="scenarios">One or more scenarios with unique names.</param>
    /// <param name="cancellationToken">Stops the whole run early.</param>
    public static async Task<LoadTestResult> RunAsync(LoadTestOptions options, IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options, scenarios);
        var agent = options.Agent ?? LoadAgent.FromEnvironment();
        var startedAt = options.TimeProvider.GetUtcNow();
        if (agent?.StartAt is { } startAt && startAt < startedAt)
        {
            throw new ArgumentException(
                $"{agent}: the start instant passed {(startedAt - startAt).TotalSeconds:0.###} s before the run began; give every agent an instant after it is ready.",
                nameof(options));
        }

        var started = options.TimeProvider.GetTimestamp();
        var runners = scenarios.Select(s => new ScenarioRunner(s, options, agent)).ToList();
        using var reserve = new ThreadPoolReserve(options.MinWorkerThreads);

        var console = ConsoleReporter.Resolve(options.ConsoleOutput);
        var running = Task.WhenAll(runners.Select(r => Task.Run(() => r.RunAsync(cancellationToken), CancellationToken.None)));
        if (console == ConsoleOutput.Live)
        {
            await ConsoleReporter.ShowProgressAsync(runners, running).ConfigureAwait(false);
        }

        var results = await running.ConfigureAwait(false);

        var agentRun = agent is null ? null
            : new AgentRun(agent.Index, agent.Count, agent.StartAt, runners.Max(r => r.LateStart).TotalSeconds);
        var result = new LoadTestResult(startedAt, options.TimeProvider.GetElapsedTime(started), results,
            ScheduleFingerprint.Of(scenarios), agentRun);
        foreach (var enrich in options.Enrichers)
        {
            enrich(result);
        }

        if (options.ReportsFolder is { } folder)
        {
            var fileName = agent is null ? options.ReportFileName : $"{options.ReportFileName}.agent-{agent.Index}-of-{agent.Count}";
            result.ReportFiles = ReportWriter.WriteAll(result, folder, options.ReportFormats, fileName);
        }
        if (console != ConsoleOutput.Silent)
        {
            ConsoleReporter.PrintSummary(result);
        }

        return result;
    }

    /// <summary>Synchronous convenience wrapper around <see cref="RunAsync(LoadTestOptions, Scenario[])"/>.</summary>
    /// <param name="options">Run and report options.</param>
    /// <param name="scenarios">One or more scenarios with unique names.</param>
    public static LoadTestResult Run(LoadTestOptions options, params Scenario[] scenarios) =>
        RunAsync(options, scenarios, CancellationToken.None).GetAwaiter().GetResult();

    private static void Validate(LoadTestOptions options, IReadOnlyList<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Count == 0)
        {
            throw new ArgumentException("At least one scenario is required.", nameof(scenarios));
        }

        if (scenarios.Any(s => s is null))
        {
            throw new ArgumentException("Scenarios must not contain null.", nameof(scenarios));
        }

        var duplicate = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Scenario names must be unique; '{duplicate.Key}' is used {duplicate.Count()} times.", nameof(scenarios));
        }

        var bare = scenarios.FirstOrDefault(s => s.LoadSimulations.Count == 0);
        if (bare is not null)
        {
            throw new ArgumentException(
                $"Scenario '{bare.Name}' has no LoadSimulations: call WithLoadSimulations(...) — a scenario never runs on silent defaults.",
                nameof(scenarios));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MinWorkerThreads);

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DrainTimeout, TimeSpan.Zero);

        if (options.ReportsFolder is not null)

        {

            ArgumentException.ThrowIfNullOrWhiteSpace(options.ReportFileName);

        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentNullException.ThrowIfNull(options.LoggerFactory);
    }
}
