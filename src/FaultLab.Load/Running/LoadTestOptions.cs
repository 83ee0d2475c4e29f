using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaultLab.Load;

/// <summary>How a run is executed and reported.</summary>
public sealed class LoadTestOptions
{
    /// <summary>Gets or sets the folder for report files. Defaults to null, which writes none.</summary>
    public string? ReportsFolder { get; init; }

    /// <summary>Gets or sets which report files to write into <see cref="ReportsFolder"/>. Defaults to <see cref="ReportFormats.All"/>.</summary>
    public ReportFormats ReportFormats { get; init; } = ReportFormats.All;

    /// <summary>Gets or sets the base file name of the reports (extension added per format). Defaults to <c>load-report</c>.</summary>
    public string ReportFileName { get; init; } = "load-report";

    /// <summary>Gets or sets the console output mode. Defaults to <see cref="ConsoleOutput.Auto"/>.</summary>
    public ConsoleOutput ConsoleOutput { get; init; } = ConsoleOutput.Auto;

    /// <summary>Gets or sets the clock; real time in practice. Sub-millisecond pacing is only used with <see cref="TimeProvider.System"/>, the default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory for the engine and the steps. Defaults to <see cref="NullLoggerFactory.Instance"/>.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Gets or sets how long to wait for in-flight iterations after the last phase before cancelling them. Defaults to 10 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the minimum thread-pool worker threads kept during the run (restored afterwards) so iterations
    /// never wait for the pool's slow thread injection; 0 leaves the pool alone. Defaults to 8 per core, at least 32.
    /// </summary>
    public int MinWorkerThreads { get; init; } = Math.Max(32, Environment.ProcessorCount * 8);

    /// <summary>
    /// Gets or sets the callbacks run after the engine has built the result and before reports are written: the place for
    /// plugins to add custom metrics, sections and timeline markers that every report then shows.
    /// </summary>
    public IReadOnlyList<Action<LoadTestResult>> Enrichers { get; init; } = [];

    /// <summary>
    /// Gets or sets which agent of several sharing one schedule this process is (see <see cref="LoadAgent"/>).
    /// Defaults to null: the runner then reads <see cref="LoadAgent.FromEnvironment"/>, so a process started with
    /// <c>FAULTLAB_AGENT_INDEX</c>/<c>FAULTLAB_AGENT_COUNT</c> (or Kubernetes' <c>JOB_COMPLETION_INDEX</c>) becomes an
    /// agent without code changes; with neither set it runs the whole schedule. An agent's report files are named
    /// <c>{ReportFileName}.agent-{index}-of-{count}</c>.
    /// </summary>
    public LoadAgent? Agent { get; init; }
}
