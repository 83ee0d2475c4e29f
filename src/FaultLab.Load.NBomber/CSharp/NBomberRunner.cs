using Microsoft.Extensions.Logging;

namespace FaultLab.Load.NBomber.CSharp;

using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using FaultLab.Load.NBomber.Running;

/// <summary>
/// Registers and runs scenarios, as NBomber's <c>NBomberRunner</c>. Features that cannot exist here (cluster,
/// reporting sinks, worker plugins, infra config, Serilog configuration) throw <see cref="NotSupportedException"/>
/// where they are configured, never silently.
/// </summary>
public static class NBomberRunner
{
    /// <summary>Registers scenarios; by default all of them run in parallel.</summary>
    /// <param name="scenarios">The scenarios.</param>
    public static NBomberContext RegisterScenarios(params ScenarioProps[] scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Any(s => s is null))
            throw new ArgumentException("scenarios must not contain null.", nameof(scenarios));
        return new NBomberContext { Scenarios = [.. scenarios] };
    }

    /// <summary>Runs only the named scenarios.</summary>
    /// <param name="context">The run.</param>
    /// <param name="scenarioNames">Scenario names.</param>
    public static NBomberContext WithTargetScenarios(this NBomberContext context, params string[] scenarioNames)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scenarioNames);
        return context with { TargetScenarios = [.. scenarioNames] };
    }

    /// <summary>Sets the test suite.</summary>
    /// <param name="context">The run.</param>
    /// <param name="testSuite">The suite.</param>
    public static NBomberContext WithTestSuite(this NBomberContext context, string testSuite)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(testSuite);
        return context with { TestSuite = testSuite };
    }

    /// <summary>Sets the test name.</summary>
    /// <param name="context">The run.</param>
    /// <param name="testName">The name.</param>
    public static NBomberContext WithTestName(this NBomberContext context, string testName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(testName);
        return context with { TestName = testName };
    }

    /// <summary>Sets the report file name (without extension).</summary>
    /// <param name="context">The run.</param>
    /// <param name="reportFileName">The file name.</param>
    public static NBomberContext WithReportFileName(this NBomberContext context, string reportFileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(reportFileName);
        return context with { ReportFileName = reportFileName };
    }

    /// <summary>Sets the report folder.</summary>
    /// <param name="context">The run.</param>
    /// <param name="reportFolderPath">The folder, created when missing.</param>
    public static NBomberContext WithReportFolder(this NBomberContext context, string reportFolderPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(reportFolderPath);
        return context with { ReportFolder = reportFolderPath };
    }

    /// <summary>Sets the report formats.</summary>
    /// <param name="context">The run.</param>
    /// <param name="reportFormats">The formats.</param>
    public static NBomberContext WithReportFormats(this NBomberContext context, params ReportFormat[] reportFormats)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reportFormats);
        if (reportFormats.Any(f => !Enum.IsDefined(f)))
            throw new ArgumentException("reportFormats contains an unknown format.", nameof(reportFormats));
        return context with { ReportFormats = [.. reportFormats] };
    }

    /// <summary>Writes no report files.</summary>
    /// <param name="context">The run.</param>
    public static NBomberContext WithoutReports(this NBomberContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context with { ReportsEnabled = false };
    }

    /// <summary>Sets the interval of run-time threshold checks (at least 1 s). FaultLab's timeline is per second regardless.</summary>
    /// <param name="context">The run.</param>
    /// <param name="interval">The interval.</param>
    public static NBomberContext WithReportingInterval(this NBomberContext context, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (interval < TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The reporting interval must be at least 1 second.");
        return context with { ReportingInterval = interval };
    }

    /// <summary>Loads an NBomber JSON config file (a local path; URLs are not supported), applied when the run starts.</summary>
    /// <param name="context">The run.</param>
    /// <param name="path">The file.</param>
    public static NBomberContext LoadConfig(this NBomberContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return Reject(context, $"LoadConfig from a URL ('{path}'): FaultLab reads local files only");
        return context with { ConfigPaths = [.. context.ConfigPaths, path] };
    }

    /// <summary>Infra config (sinks, logger, cluster) is not supported: throws <see cref="NotSupportedException"/>.</summary>
    /// <param name="context">The run.</param>
    /// <param name="path">The file.</param>
    public static NBomberContext LoadInfraConfig(this NBomberContext context, string path) =>
        Reject(context, "LoadInfraConfig (reporting sinks, Serilog and cluster settings)");

    /// <summary>Reporting sinks are not supported: throws <see cref="NotSupportedException"/>.</summary>
    /// <param name="context">The run.</param>
    /// <param name="reportingSinks">The sinks.</param>
    public static NBomberContext WithReportingSinks(this NBomberContext context, params IReportingSink[] reportingSinks) =>
        Reject(context, "WithReportingSinks (real-time sinks such as InfluxDB, TimescaleDB or NBomber Cloud); use LoadTestOptions.Enrichers or the JSON/HdrHistogram reports of FaultLab.Load");

    /// <summary>Worker plugins are not supported: throws <see cref="NotSupportedException"/>.</summary>
    /// <param name="context">The run.</param>
    /// <param name="plugins">The plugins.</param>
    public static NBomberContext WithWorkerPlugins(this NBomberContext context, params IWorkerPlugin[] plugins) =>
        Reject(context, "WithWorkerPlugins (PingPlugin, HttpMetricsPlugin and other background workers)");

    /// <summary>The hints analyzer does not exist here; enabling it throws <see cref="NotSupportedException"/>.</summary>
    /// <param name="context">The run.</param>
    /// <param name="enable">True to enable.</param>
    public static NBomberContext EnableHintsAnalyzer(this NBomberContext context, bool enable) =>
        enable ? Reject(context, "EnableHintsAnalyzer(true)") : context;

    /// <summary>
    /// FaultLab always ends the load at the planned time and then drains in-flight iterations (cancelling them after
    /// the drain timeout), so this only accepts false; true throws <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="context">The run.</param>
    /// <param name="enable">True to enable.</param>
    public static NBomberContext EnableStopTestForcibly(this NBomberContext context, bool enable) =>
        enable ? Reject(context, "EnableStopTestForcibly(true) (FaultLab drains in-flight iterations for up to the drain timeout)") : context;

    /// <summary>FaultLab addition: where <c>context.Logger</c> writes (Microsoft.Extensions.Logging).</summary>
    /// <param name="context">The run.</param>
    /// <param name="loggerFactory">The factory.</param>
    public static NBomberContext WithLoggerFactory(this NBomberContext context, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return context with { LoggerFactory = loggerFactory };
    }

    /// <summary>FaultLab addition: the engine's console output (live progress, summary only, or silent).</summary>
    /// <param name="context">The run.</param>
    /// <param name="output">The mode.</param>
    public static NBomberContext WithConsoleOutput(this NBomberContext context, ConsoleOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context with { ConsoleOutput = output };
    }

    /// <summary>Runs the scenarios and returns their statistics; throws when the run cannot be built.</summary>
    /// <param name="context">The run.</param>
    public static NodeStats Run(this NBomberContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CompatRunner.RunAsync(context).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs with NBomber's command-line arguments: <c>--config=path</c> and <c>--target=name</c> (repeatable, or
    /// comma-separated). Cluster and infra arguments throw <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="context">The run.</param>
    /// <param name="args">The arguments.</param>
    public static NodeStats Run(this NBomberContext context, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(args);
        return CompatRunner.RunAsync(CliArguments.Apply(context, args)).GetAwaiter().GetResult();
    }

    private static NBomberContext Reject(NBomberContext context, string feature)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new NotSupportedException($"{feature} is not supported by FaultLab.Load.NBomber (see docs/from-nbomber.md).");
    }
}
