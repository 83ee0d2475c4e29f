using System.CommandLine;
using System.Globalization;
using FaultLab.Load;

namespace FaultLab.Cli.Commands;

/// <summary>
/// <c>faultlab report merge AGENT.json… -o FOLDER</c>: one report (HTML, Markdown, JSON, interval log) from the agents
/// of a distributed run, with the thresholds judged on the merged numbers. Exit 0 when they pass, 1 when they do
/// not, 2 on bad input (unreadable files, missing or duplicate agents, different schedules).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("agent-results") { Description = "Every agent's JSON report (load-report.agent-I-of-N.json).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the merged report.", Required = true };
        var merge = new Command("merge", "Merge the agents' results of one distributed run into one report; exit 1 if its thresholds fail.") { files, output };
        merge.SetAction(parse => Merge(console, parse.GetValue(files)!, parse.GetValue(output)!));
        return new Command("report", "Work with load-test reports.") { merge };
    }

    public static int Merge(CliConsole console, IReadOnlyList<string> files, string folder) => console.Guard(() =>
    {
        LoadTestResult merged;
        try
        {
            merged = LoadResultMerge.MergeAndWrite(files, folder);
        }
        catch (AgentResultsException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var inv = CultureInfo.InvariantCulture;
        console.Out.WriteLine(string.Create(inv, $"Merged {merged.MergedAgents.Count} agents (schedule {merged.ScheduleFingerprint})."));
        foreach (var scenario in merged.Scenarios)
        {
            var st = scenario.Stats;
            console.Out.WriteLine(string.Create(inv,
                $"{scenario.Name}: {st.Count} requests (ok {st.Ok}, fail {st.Fail}, dropped {st.Dropped}), p50 {st.Latency.P50Ms:0.###} ms, p99 {st.Latency.P99Ms:0.###} ms"));
            foreach (var verdict in scenario.Thresholds)
            {
                console.Out.WriteLine($"  {(verdict.Passed ? "pass" : "FAIL")} {verdict.Rule}: actual {verdict.Actual}, expected {verdict.Expected} ({verdict.Margin})");
            }

            if (scenario.AbortReason is { } reason)
            {
                console.Out.WriteLine($"  ABORTED {reason}");
            }
        }

        foreach (var file in merged.ReportFiles)
        {
            console.Out.WriteLine($"report: {Path.GetFullPath(file)}");
        }

        console.Out.WriteLine(merged.Passed ? "Thresholds passed." : "Thresholds FAILED.");
        return merged.Passed ? ExitCodes.Ok : ExitCodes.HypothesisFailed;
    });
}
