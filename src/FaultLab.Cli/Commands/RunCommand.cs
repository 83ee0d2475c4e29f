using System.CommandLine;
using FaultLab.Cli.Demo;
using FaultLab.Cli.Experiments;
using FaultLab.Cli.Output;
using FaultLab.Load;

namespace FaultLab.Cli.Commands;

/// <summary>
/// <c>faultlab run EXPERIMENT</c>: injects the experiment's faults into a client with the chosen resilience, drives
/// the load, and checks the steady-state hypothesis. Exit 0 when it held, 1 when it did not, 2 on bad input.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("experiment") { Description = "The experiment file (JSON); see examples/." };
        var report = new Option<string?>("--report") { Description = ReportFolder.Description };
        var command = new Command("run", "Run a chaos experiment from a file and check its steady-state hypothesis.") { file, report };
        command.SetAction((parse, token) => RunAsync(console, parse.GetValue(file)!, parse.GetValue(report), token));
        return command;
    }

    public static Task<int> RunAsync(CliConsole console, string path, string? reportFolder, CancellationToken cancellationToken) => console.Guard(async () =>
    {
        var (experiment, errors, isExperiment) = ExperimentReader.Read(path);
        if (errors.Count > 0)
        {
            throw new InputException(ExperimentReader.Describe(path, errors, isExperiment));
        }

        if (!isExperiment)
        {
            throw new InputException($"{path}: $: a fault profile, not an experiment: an experiment has a FaultProfile, Load or Hypothesis (see examples/); "
                + "to use a profile on its own, run 'faultlab proxy --profile' or AddFaultInjection(section).");
        }

        await using var api = experiment.Target is null ? await DemoApi.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        Uri target = experiment.Target ?? api!.BaseAddress;
        await EnsureReachableAsync(target, cancellationToken).ConfigureAwait(false);

        var clients = new List<ClientUnderTest> { new("experiment", experiment.Resilience, f => Copy(experiment.Faults, f)) };
        var plan = new ExperimentPlan(target, api is null ? null : new Uri(api.BaseAddress, "/token"), clients, experiment.Path,
            experiment.Load.Rate, experiment.Load.Duration, experiment.Load.MaxConcurrency, Thresholds(experiment.Hypothesis),
            ReportFolder.Resolve(reportFolder), ReportName(path), console.Interactive, console.Interactive ? null : console.Out);
        console.Out.WriteLine($"Running {path} against {target}: {experiment.Faults.Faults.Count} faults, {experiment.Load.Rate}/s for {experiment.Load.Duration}.");
        var outcome = await ExperimentRunner.RunAsync(plan, cancellationToken).ConfigureAwait(false);

        ComparisonTable.Write(console, clients, outcome);
        var verdicts = outcome.Result.Scenarios.SelectMany(s => s.Thresholds).ToList();
        foreach (var verdict in verdicts)
        {
            console.Out.WriteLine($"{(verdict.Passed ? "held  " : "FAILED")} {verdict.Rule}: actual {verdict.Actual}, expected {verdict.Expected} ({verdict.Margin})");
        }

        foreach (string file in outcome.Result.ReportFiles)
        {
            console.Out.WriteLine($"report: {Path.GetFullPath(file)}");
        }

        bool held = outcome.Result.Passed;
        console.Out.WriteLine(held ? "Hypothesis held." : "Hypothesis did NOT hold.");
        return held ? ExitCodes.Ok : ExitCodes.HypothesisFailed;
    });

    /// <summary>Reports are named after the experiment (examples/outage.json: outage.html), so two experiments keep theirs.</summary>
    public static string ReportName(string experimentPath)
    {
        string name = Path.GetFileNameWithoutExtension(experimentPath);
        return string.IsNullOrWhiteSpace(name) ? "faultlab-run" : name;
    }

    private static IReadOnlyList<Threshold> Thresholds(Hypothesis hypothesis)
    {
        var thresholds = new List<Threshold>();
        if (hypothesis.MinSuccessRate is { } success)
        {
            thresholds.Add(Threshold.SuccessRate(success));
        }

        if (hypothesis.MaxP99 is { } p99)
        {
            thresholds.Add(Threshold.Percentile(99, p99));
        }

        if (hypothesis.MaxDropped is { } dropped)
        {
            thresholds.Add(Threshold.Dropped(dropped));
        }

        return thresholds;
    }

    // The experiment's profile is already bound and validated; hand its faults to the client's builder.
    private static void Copy(FaultInjectionOptions from, FaultInjectionBuilder to)
    {
        to.Options.Enabled = from.Enabled;
        to.Options.Seed = from.Seed;
        to.Options.AllowInProduction = from.AllowInProduction;
        foreach (var fault in from.Faults)
        {
            to.AddFault(fault);
        }
    }

    private static async Task EnsureReachableAsync(Uri target, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var _ = await http.GetAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            throw new InputException($"Target {target} is unreachable: {ex.Message}");
        }
    }
}
