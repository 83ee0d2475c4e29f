using System.CommandLine;
using FaultLab.Cli.Demo;
using FaultLab.Cli.Experiments;
using FaultLab.Cli.Matrix;
using FaultLab.Testing;

namespace FaultLab.Cli.Commands;

/// <summary>
/// <c>faultlab matrix [EXPERIMENT]</c>: runs the resilience matrix — the call under every fault of the catalogue on a
/// test clock, and the seven conformance verdicts — for the demo's three set-ups (no argument) or for the experiment's
/// target, path and resilience preset. Prints the table, writes the HTML. Exit 0 when every expectation of the preset
/// holds, 1 when one does not, 2 on bad input.
/// </summary>
internal static class MatrixCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string?>("experiment") { Description = "An experiment file (JSON); the demo's three set-ups when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var report = new Option<string>("--report") { Description = "Folder for the HTML and Markdown (default ./faultlab-report).", DefaultValueFactory = _ => "faultlab-report" };
        var command = new Command("matrix", "Run every fault of the catalogue against a client set-up and judge the good-client rules.") { file, report };
        command.SetAction((parse, token) => RunAsync(console, parse.GetValue(file), parse.GetValue(report)!, token));
        return command;
    }

    public static Task<int> RunAsync(CliConsole console, string? path, string reportFolder, CancellationToken cancellationToken) => console.Guard(async () =>
    {
        Experiment? experiment = null;
        if (path is not null)
        {
            var (read, errors, isExperiment) = ExperimentReader.Read(path);
            if (!isExperiment)
            {
                throw new InputException($"{path} is a fault profile, not an experiment: the matrix needs an experiment's Target, Path and Resilience (see examples/).");
            }

            if (errors.Count > 0)
            {
                throw new InputException($"{path} is not a valid experiment:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors));
            }

            experiment = read;
        }

        await using var api = experiment?.Target is null ? await DemoApi.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        var setUps = experiment is null
            ? DemoCommand.SetUps.Select(s => (DemoCommand.Name(s), s)).ToList()
            : [("experiment", experiment.Resilience)];
        string requestPath = (experiment?.Path ?? "/orders/{n}").Replace("{n}", "1", StringComparison.Ordinal);
        var results = await RunSetUpsAsync(console, api, experiment?.Target, requestPath, setUps, cancellationToken).ConfigureAwait(false);

        Directory.CreateDirectory(reportFolder);
        string html = Path.Combine(reportFolder, "faultlab-matrix.html");
        await File.WriteAllTextAsync(html, MatrixReport.Html("FaultLab resilience matrix", results), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(reportFolder, "faultlab-matrix.md"), MatrixReport.SideBySide(results), cancellationToken).ConfigureAwait(false);
        console.Out.WriteLine($"HTML matrix: {Path.GetFullPath(html)}");

        var mismatches = results.SelectMany(r => r.Result.Mismatches.Select(m => (r.Name, m))).ToList();
        foreach (var (name, row) in mismatches)
        {
            console.Out.WriteLine($"NOT AS EXPECTED  {name}, {row.Variant.Name}: expected {row.Expected}, was {row.Outcome} ({row.Final})");
        }

        console.Out.WriteLine(mismatches.Count == 0 ? "Every expectation held." : $"{mismatches.Count} expectations did NOT hold.");
        return mismatches.Count == 0 ? ExitCodes.Ok : ExitCodes.HypothesisFailed;
    });

    /// <summary>Runs the matrix for each set-up and prints outcomes and verdicts side by side; also the end of <c>faultlab demo</c>.</summary>
    public static async Task<IReadOnlyList<(string Name, MatrixResult Result)>> RunSetUpsAsync(CliConsole console, DemoApi? api, Uri? target, string path,
        IReadOnlyList<(string Name, ClientResilience Resilience)> setUps, CancellationToken cancellationToken)
    {
        Uri baseAddress = target ?? api!.BaseAddress;
        var results = new List<(string, MatrixResult)>();
        foreach (var (name, resilience) in setUps)
        {
            var tokens = api is null ? null : new TokenSource(new Uri(api.BaseAddress, "/token"), TimeProvider.System);
            var answer = await RecordedAnswer.FetchAsync(baseAddress, path, tokens, cancellationToken).ConfigureAwait(false);
            var matrixTokens = api is null ? null : new TokenSource(new Uri(api.BaseAddress, "/token"), TimeProvider.System, new InMemoryTokenEndpoint());
            var result = await DemoMatrix.Create(name, resilience, baseAddress, path, matrixTokens, answer).RunAsync(cancellationToken).ConfigureAwait(false);
            results.Add((name, result));
        }

        console.Out.WriteLine();
        console.Out.WriteLine($"Resilience matrix: GET {path} under each fault, on a test clock (the dependency answers as {baseAddress} did).");
        console.Out.Write(MatrixReport.SideBySide(results));
        foreach (var (name, result) in results)
        {
            foreach (var verdict in result.Verdicts.Where(v => v.Failed))
            {
                console.Out.WriteLine($"{name}, rule {(int)verdict.Rule} FAIL: {verdict.Summary}");
                if (verdict.Evidence.Count > 0)
                {
                    console.Out.WriteLine($"    e.g. {verdict.Evidence[0]}");
                }
            }
        }

        return results;
    }
}
