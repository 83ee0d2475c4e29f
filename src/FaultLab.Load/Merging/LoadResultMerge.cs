using System.Globalization;

namespace FaultLab.Load;

/// <summary>
/// Merges the JSON reports of the agents of one distributed run (see <see cref="LoadAgent"/>) into one result:
/// counts are sums, every percentile is read from the sum of the agents' histograms (never an average of their
/// percentiles), the timeline is added second by second, and the thresholds are evaluated again on the merged
/// numbers, so <see cref="LoadTestResult.ExitCode"/> judges the whole run.
/// </summary>
public static class LoadResultMerge
{
    /// <summary>The base name of the merged report files.</summary>
    public const string ReportFileName = "merged-report";

    /// <summary>Reads and merges agents' JSON reports.</summary>
    /// <param name="agentResultFiles">One JSON report per agent, every agent exactly once, in any order.</param>
    /// <param name="thresholds">
    /// Rules to evaluate instead of the ones read from the files, by scenario name: the way to judge a merged run by
    /// a custom rule (code cannot travel in a file). Null or a missing scenario: the files' built-in rules.
    /// </param>
    /// <exception cref="AgentResultsException">A file is unreadable or not an agent result, agents are missing or given twice, or the results come from different schedules.</exception>
    public static LoadTestResult Merge(IEnumerable<string> agentResultFiles, IReadOnlyDictionary<string, IReadOnlyList<Threshold>>? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(agentResultFiles);
        return Merge(agentResultFiles.Select(AgentResultFile.Read).ToList(), thresholds);
    }

    /// <summary>Merges agents' results held in memory (each goes through its JSON form, exactly as files would).</summary>
    /// <param name="agentResults">One result per agent.</param>
    /// <param name="thresholds">As for <see cref="Merge(IEnumerable{string}, IReadOnlyDictionary{string, IReadOnlyList{Threshold}}?)"/>.</param>
    public static LoadTestResult Merge(IEnumerable<LoadTestResult> agentResults, IReadOnlyDictionary<string, IReadOnlyList<Threshold>>? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(agentResults);
        return Merge(agentResults.Select((r, i) => AgentResultFile.Parse(JsonReport.Render(r), $"result #{i + 1}")).ToList(), thresholds);
    }

    /// <summary>Merges the files and writes the merged HTML, Markdown, JSON and interval log into <paramref name="folder"/>.</summary>
    /// <param name="agentResultFiles">One JSON report per agent.</param>
    /// <param name="folder">Destination folder, created if missing; files are named <see cref="ReportFileName"/>.*.</param>
    public static LoadTestResult MergeAndWrite(IEnumerable<string> agentResultFiles, string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var merged = Merge(agentResultFiles);
        merged.ReportFiles = ReportWriter.WriteAll(merged, folder, ReportFormats.All, ReportFileName);
        return merged;
    }

    private static LoadTestResult Merge(IReadOnlyList<AgentResultFile> files, IReadOnlyDictionary<string, IReadOnlyList<Threshold>>? thresholds)
    {
        AgentResultsCheck.EnsureOneRun(files);
        var agents = files.OrderBy(f => f.Agent!.Index).ToList();
        var first = agents[0];
        var scenarios = first.Scenarios
            .Select(s => ScenarioMerge.Merge(s.Name, agents, thresholds?.GetValueOrDefault(s.Name)))
            .ToList();
        var start = agents.Min(a => a.StartedAt);
        var end = agents.Max(a => a.StartedAt + TimeSpan.FromSeconds(a.DurationSeconds));
        return new LoadTestResult(start, end - start, scenarios, first.ScheduleFingerprint!, agent: null,
            mergedAgents: agents.Select(a => a.Agent!).ToList());
    }

    internal static string AgentLabel(AgentRun agent) => string.Create(CultureInfo.InvariantCulture, $"agent {agent.Index}");
}
