using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using Engine = FaultLab.Load;

/// <summary>Builds FaultLab.Load scenarios from NBomber's definitions, runs them and answers in NBomber's shape.</summary>
internal static class CompatRunner
{
    public static async Task<NodeStats> RunAsync(NBomberContext context)
    {
        var config = new NBomberConfig();
        context = config.Apply(context, context.ConfigPaths.Concat(NBomberOverrides.Current()));
        context = TimeScaling.Apply(context, NBomberOverrides.CurrentTimeScale());
        var selected = Select(context);
        var started = DateTime.UtcNow;
        var testInfo = new TestInfo
        {
            SessionId = $"{started:yyyy-MM-dd_HH.mm.ss}_session_{Guid.NewGuid().ToString("N")[..8]}",
            TestSuite = context.TestSuite,
            TestName = context.TestName,
            Created = started,
        };
        var nodeInfo = NodeInfoNow();
        var loggerFactory = NBomberOverrides.CurrentLoggerFactory() ?? context.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = new ScenarioLogger(loggerFactory.CreateLogger("NBomber"));
        using var stopTest = new CancellationTokenSource();
        var globalSettings = config.GlobalCustomSettings;

        CompatScenarioShared Shared(ScenarioProps props) => new()
        {
            TestInfo = testInfo, NodeInfo = nodeInfo, Logger = logger, StopTest = stopTest,
            PlannedDuration = PlannedDuration(props.LoadSimulations),
        };
        CompatInitContext InitContext(ScenarioProps props, ScenarioOperation operation) =>
            new(Shared(props), props.ScenarioName, operation, config.CustomSettingsFor(props.ScenarioName), globalSettings);

        var empty = selected.Where(s => s.Run is null).ToList();
        var running = selected.Where(s => s.Run is not null).ToList();
        foreach (var scenario in empty.Where(s => s.Init is not null))
            await scenario.Init!(InitContext(scenario, ScenarioOperation.Init)).ConfigureAwait(false);

        var checks = new Dictionary<string, List<ThresholdCheck>>(StringComparer.Ordinal);
        var engineScenarios = running.Select(props =>
        {
            var shared = Shared(props);
            var scenarioChecks = props.Thresholds.Select(t => new ThresholdCheck(t, props.ScenarioName, props.LoadSimulations, context.ReportingInterval)).ToList();
            checks[props.ScenarioName] = scenarioChecks;
            return Build(props, shared, () => InitContext(props, ScenarioOperation.Init), () => InitContext(props, ScenarioOperation.Clean), scenarioChecks);
        }).ToArray();

        Engine.LoadTestResult? result = null;
        try
        {
            if (engineScenarios.Length > 0)
            {
                result = await Engine.LoadTest.RunAsync(new Engine.LoadTestOptions
                {
                    ConsoleOutput = context.ConsoleOutput,
                    LoggerFactory = loggerFactory,
                }, engineScenarios, stopTest.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var scenario in empty.Where(s => s.Clean is not null))
                await scenario.Clean!(InitContext(scenario, ScenarioOperation.Clean)).ConfigureAwait(false);
        }

        var scenarioStats = new List<ScenarioStats>();
        var thresholds = new List<ThresholdResult>();
        foreach (var (props, index) in running.Select((p, i) => (p, i)))
        {
            var engineResult = result![props.ScenarioName];
            scenarioStats.Add(StatsMapper.Map(engineResult.Stats, props.LoadSimulations, index));
            var verdicts = checks[props.ScenarioName].Select(c => c.Final(engineResult.Stats,
                engineResult.AbortReason?.Contains(c.Threshold.CheckExpression, StringComparison.Ordinal) == true
                    && c.Threshold.AbortWhenErrorCount is not null)).ToList();
            thresholds.AddRange(verdicts);
            if (verdicts.Count > 0)
                engineResult.AddSection(new Engine.ReportSection("NBomber thresholds (final check)", ["check", "step", "status", "failed checks", "error"],
                    verdicts.Select(v => (IReadOnlyList<string>)[v.CheckExpression, v.StepName, v.IsFailed ? "FAIL" : "pass",
                        v.ErrorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), v.ExceptionMsg]).ToList()));
        }

        var files = result is not null && context.ReportsEnabled ? WriteReports(context, result, started) : [];
        var stats = new NodeStats
        {
            ScenarioStats = [.. scenarioStats],
            Thresholds = [.. thresholds],
            NodeInfo = nodeInfo with { CurrentOperation = OperationType.Complete },
            TestInfo = testInfo,
            ReportFiles = files,
            AllRequestCount = scenarioStats.Sum(s => s.AllRequestCount),
            AllOkCount = scenarioStats.Sum(s => s.AllOkCount),
            AllFailCount = scenarioStats.Sum(s => s.AllFailCount),
            AllBytes = scenarioStats.Sum(s => s.AllBytes),
            Duration = result?.Duration ?? DateTime.UtcNow - started,
            FaultLabResult = result,
        };
        NBomberOverrides.CurrentObserver()?.Invoke(stats);
        return stats;
    }

    private static List<ScenarioProps> Select(NBomberContext context)
    {
        if (context.Scenarios.Count == 0)
            throw new ArgumentException("No scenarios are registered: call NBomberRunner.RegisterScenarios(...).", nameof(context));
        if (context.Scenarios.FirstOrDefault(s => s.Weight is not null) is { } weighted)
            throw new NotSupportedException($"Scenario '{weighted.ScenarioName}': WithWeight (weighted scenario mixes) is not supported by FaultLab.Load.NBomber.");
        if (context.TargetScenarios.Count == 0)
            return [.. context.Scenarios];
        var unknown = context.TargetScenarios.Where(t => context.Scenarios.All(s => s.ScenarioName != t)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"TargetScenarios names unregistered scenarios: {string.Join(", ", unknown)}.", nameof(context));
        return context.Scenarios.Where(s => context.TargetScenarios.Contains(s.ScenarioName)).ToList();
    }

    private static Engine.Scenario Build(ScenarioProps props, CompatScenarioShared shared, Func<CompatInitContext> init,
        Func<CompatInitContext> clean, List<ThresholdCheck> checks)
    {
        var run = props.Run!;
        var scenario = Engine.Scenario.Create(props.ScenarioName, async engineContext =>
            {
                var context = new CompatScenarioContext(engineContext, shared);
                var response = await ResponseMapping.Guard(async () =>
                {
                    var outcome = await run(context).ConfigureAwait(false);
                    return new Response<object>(outcome?.StatusCode ?? ResponseMapping.UnhandledExceptionCode, outcome?.IsError ?? true,
                        outcome?.SizeBytes ?? 0, outcome?.Message ?? "the scenario returned null", Option<object>.None);
                }, engineContext.CancellationToken).ConfigureAwait(false);
                return ResponseMapping.ToEngine(response);
            })
            .WithLoadSimulations(SimulationMapping.ToEngine(props.ScenarioName, props.LoadSimulations))
            .WithWarmUpDuration(props.WarmUpDuration ?? TimeSpan.Zero)
            .WithRestartIterationOnFail(props.RestartIterationOnFail)
            .WithMaxFailCount(props.MaxFailCount);
        if (props.Init is { } initFunc)
            scenario.WithInit(_ => initFunc(init()));
        if (props.Clean is { } cleanFunc)
            scenario.WithClean(_ => cleanFunc(clean()));
        var rules = checks.Select((c, i) => c.AbortRule(i)).OfType<Engine.Threshold>().ToArray();
        if (rules.Length > 0)
            scenario.WithThresholds(rules);
        return scenario;
    }

    private static ReportFile[] WriteReports(NBomberContext context, Engine.LoadTestResult result, DateTime started)
    {
        var formats = Engine.ReportFormats.None;
        foreach (var format in context.ReportFormats)
            formats |= Map(format);
        if (formats == Engine.ReportFormats.None)
            return [];
        var name = context.ReportFileName ?? $"nbomber_report_{started:yyyy-MM-dd--HH-mm-ss}";
        return Engine.ReportWriter.WriteAll(result, context.ReportFolder, formats, name)
            .Select(path => new ReportFile(path, FormatOf(path), File.ReadAllText(path)))
            .ToArray();
    }

    private static Engine.ReportFormats Map(ReportFormat format) => format switch
    {
        ReportFormat.Txt => Engine.ReportFormats.Txt,
        ReportFormat.Html => Engine.ReportFormats.Html,
        ReportFormat.Csv => Engine.ReportFormats.Csv,
        _ => Engine.ReportFormats.Markdown,
    };

    private static ReportFormat FormatOf(string path) => Path.GetExtension(path) switch
    {
        ".txt" => ReportFormat.Txt,
        ".html" => ReportFormat.Html,
        ".csv" => ReportFormat.Csv,
        _ => ReportFormat.Md,
    };

    private static TimeSpan PlannedDuration(IEnumerable<LoadSimulation> simulations) =>
        simulations.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.During);

    private static NodeInfo NodeInfoNow() => new()
    {
        MachineName = Environment.MachineName,
        NodeType = NodeType.SingleNode,
        CurrentOperation = OperationType.Bombing,
        OS = RuntimeInformation.OSDescription,
        DotNetVersion = Environment.Version.ToString(),
        Processor = RuntimeInformation.ProcessArchitecture.ToString(),
        CoresCount = Environment.ProcessorCount,
        NBomberVersion = "FaultLab.Load.NBomber " + typeof(CompatRunner).Assembly.GetName().Version,
    };
}
