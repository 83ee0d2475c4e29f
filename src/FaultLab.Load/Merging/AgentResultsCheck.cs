using System.Globalization;

namespace FaultLab.Load;

/// <summary>Refuses agent results that are not exactly the agents of one run, with a message naming the files.</summary>
internal static class AgentResultsCheck
{
    public static void EnsureOneRun(IReadOnlyList<AgentResultFile> files)
    {
        if (files.Count == 0)
        {
            throw new AgentResultsException("No agent results to merge: give one JSON report per agent.");
        }

        var schedules = files.GroupBy(f => f.ScheduleFingerprint, StringComparer.Ordinal).ToList();
        if (schedules.Count > 1)
        {
            throw new AgentResultsException("The results come from different schedules (scenarios, load phases or thresholds differ): "
                + string.Join("; ", schedules.Select(g => $"schedule {g.Key}: {string.Join(", ", g.Select(f => f.Path))}")) + ".");
        }

        var counts = files.GroupBy(f => f.Agent!.Count).ToList();
        if (counts.Count > 1)
        {
            throw new AgentResultsException("The results disagree on the number of agents: "
                + string.Join("; ", counts.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} agents in {string.Join(", ", g.Select(f => f.Path))}"))) + ".");
        }

        var starts = files.GroupBy(f => f.Agent!.StartAt).ToList();
        if (starts.Count > 1)
        {
            throw new AgentResultsException("The results have different start instants, so their timelines do not line up: "
                + string.Join("; ", starts.Select(g => $"{Instant(g.Key)} in {string.Join(", ", g.Select(f => f.Path))}")) + ".");
        }

        foreach (var twice in files.GroupBy(f => f.Agent!.Index).Where(g => g.Count() > 1))
        {
            throw new AgentResultsException(string.Create(CultureInfo.InvariantCulture,
                $"Agent {twice.Key} is given {twice.Count()} times: {string.Join(", ", twice.Select(f => f.Path))}."));
        }

        var count = counts[0].Key;
        var missing = Enumerable.Range(0, count).Except(files.Select(f => f.Agent!.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new AgentResultsException(string.Create(CultureInfo.InvariantCulture,
                $"Agent(s) {string.Join(", ", missing)} of {count} missing: got {files.Count} result(s) ({string.Join(", ", files.Select(f => f.Path))}); a merge needs every agent's report."));
        }
    }

    private static string Instant(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) : "no start instant";
}
