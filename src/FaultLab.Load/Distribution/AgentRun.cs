namespace FaultLab.Load;

/// <summary>Which slice of a distributed run a result holds, as written into its JSON report for the merge to check.</summary>
/// <param name="Index">The agent's zero-based index.</param>
/// <param name="Count">The number of agents.</param>
/// <param name="StartAt">The common UTC start instant, or null when the agent started when ready.</param>
/// <param name="LateStartSeconds">How late the agent's measured run began after <paramref name="StartAt"/> (0 when on time).</param>
public sealed record AgentRun(int Index, int Count, DateTimeOffset? StartAt, double LateStartSeconds);
