namespace FaultLab.Load;

/// <summary>
/// The arithmetic of agent slices. Item <c>k</c> (an arrival, a copy) belongs to agent <c>k mod n</c>, so agent
/// <c>i</c> owns <c>⌊total / n⌋</c> items plus one more when <c>i &lt; total mod n</c>: the shares always add up to
/// the total, and no two agents differ by more than one.
/// </summary>
internal readonly record struct AgentShare(int Index, int Count)
{
    /// <summary>Gets the whole schedule: one process, no slicing.</summary>
    public static AgentShare Whole { get; } = new(0, 1);

    public bool IsWhole => Count == 1;

    /// <summary>How many of <paramref name="total"/> items (numbered from 0) this agent owns.</summary>
    public long Of(long total) => total <= 0 ? 0 : (total / Count) + (Index < total % Count ? 1 : 0);

    /// <summary>How many of <paramref name="total"/> copies this agent runs.</summary>
    public int Of(int total) => (int)Of((long)total);

    /// <summary>Whether item <paramref name="k"/> is this agent's.</summary>
    public bool Owns(long k) => k % Count == Index;

    /// <summary>The global number of this agent's <paramref name="local"/>-th item.</summary>
    public int Global(int local) => (local * Count) + Index;

    /// <summary>
    /// This agent's part of an iteration budget shared by <paramref name="copies"/> copies: only agents that run at
    /// least one copy take iterations, so none is left to an agent without copies.
    /// </summary>
    public long IterationsOf(long iterations, int copies)
    {
        var active = Math.Min(copies, Count);
        return Index >= active ? 0 : new AgentShare(Index, active).Of(iterations);
    }
}
