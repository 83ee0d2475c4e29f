using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaultLab.Load;

/// <summary>How a run is executed and reported.</summary>
public sealed class LoadTestOptions
{
    /// <summary>Folder for report files; null writes none.</summary>
    public string? ReportsFolder { get; init; }

    /// <summary>Which report files to write into <see cref="ReportsFolder"/>.</summary>
    public ReportFormats ReportFormats { get; init; } = ReportFormats.All;

    /// <summary>Base file name of the reports (extension added per format).</summary>
    public string ReportFileName { get; init; } = "load-report";

    /// <summary>Console output mode.</summary>
    public ConsoleOutput ConsoleOutput { get; init; } = ConsoleOutput.Auto;

    /// <summary>The clock; real time in practice. Sub-millisecond pacing is only used with <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Logger factory for the engine and the steps.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How long to wait for in-flight iterations after the last phase before cancelling them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Minimum thread-pool worker threads kept during the run (restored afterwards) so iterations never wait for
    /// the pool's slow thread injection; 0 leaves the pool alone. Default: 8 per core, at least 32.
    /// </summary>
    public int MinWorkerThreads { get; init; } = Math.Max(32, Environment.ProcessorCount * 8);

    /// <summary>
    /// Callbacks run after the engine has built the result and before reports are written: the place for
    /// plugins to add custom metrics, sections and timeline markers that every report then shows.
    /// </summary>
    public IReadOnlyList<Action<LoadTestResult>> Enrichers { get; init; } = [];

    /// <summary>
    /// Makes this process one agent of several that share one schedule (see <see cref="LoadAgent"/>). When null
    /// (the default) the runner reads <see cref="LoadAgent.FromEnvironment"/>, so a process started with
    /// <c>FAULTLAB_AGENT_INDEX</c>/<c>FAULTLAB_AGENT_COUNT</c> (or Kubernetes' <c>JOB_COMPLETION_INDEX</c>) becomes an
    /// agent without code changes; with neither set it runs the whole schedule. An agent's report files are named
    /// <c>{ReportFileName}.agent-{index}-of-{count}</c>.
    /// </summary>
    public LoadAgent? Agent { get; init; }
}
