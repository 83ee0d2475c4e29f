using Microsoft.Extensions.Logging;

namespace FaultLab.Load.NBomber;

using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;

/// <summary>
/// A run's definition built by <c>NBomberRunner</c>, as NBomber's <c>NBomberContext</c>: immutable, each
/// <c>With…</c> returns a new instance.
/// </summary>
public sealed record NBomberContext
{
    /// <summary>Gets the registered scenarios.</summary>
    public IReadOnlyList<ScenarioProps> Scenarios { get; init; } = [];

    /// <summary>Gets the scenarios to run; empty runs all of them.</summary>
    public IReadOnlyList<string> TargetScenarios { get; init; } = [];

    /// <summary>Gets the test suite. Defaults to "nbomber_default_test_suite_name", as NBomber's.</summary>
    public string TestSuite { get; init; } = "nbomber_default_test_suite_name";

    /// <summary>Gets the test name. Defaults to "nbomber_default_test_name", as NBomber's.</summary>
    public string TestName { get; init; } = "nbomber_default_test_name";

    /// <summary>Gets the report file name without extension; null uses "nbomber_report_{yyyy-MM-dd--HH-mm-ss}".</summary>
    public string? ReportFileName { get; init; }

    /// <summary>Gets the report folder. Defaults to "./reports", as NBomber's.</summary>
    public string ReportFolder { get; init; } = "./reports";

    /// <summary>Gets the report formats. Defaults to all four, as NBomber's.</summary>
    public IReadOnlyList<ReportFormat> ReportFormats { get; init; } = [ReportFormat.Txt, ReportFormat.Html, ReportFormat.Csv, ReportFormat.Md];

    /// <summary>Gets whether report files are written.</summary>
    public bool ReportsEnabled { get; init; } = true;

    /// <summary>Gets the interval of run-time threshold checks. Defaults to 5 s, as NBomber's.</summary>
    public TimeSpan ReportingInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the JSON config files loaded with <c>LoadConfig</c>, applied in order.</summary>
    public IReadOnlyList<string> ConfigPaths { get; init; } = [];

    /// <summary>Gets where <c>context.Logger</c> writes; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Gets the console output of the engine. Defaults to automatic (live when interactive).</summary>
    public ConsoleOutput ConsoleOutput { get; init; } = ConsoleOutput.Auto;
}
