namespace FaultLab.Load.Tests.Distributed;

/// <summary>Options that make an in-process run agent <c>index</c> of <c>count</c>, quiet, from a common start instant.</summary>
internal static class AgentOptions
{
    public static LoadTestOptions For(int index, int count, DateTimeOffset startAt, string? folder = null) => new()
    {
        ConsoleOutput = ConsoleOutput.Silent,
        Agent = new LoadAgent(index, count, startAt),
        ReportsFolder = folder,
    };

    /// <summary>A start instant far enough ahead for every in-process agent to be ready.</summary>
    public static DateTimeOffset SoonAfterNow() => DateTimeOffset.UtcNow.AddMilliseconds(400);
}
