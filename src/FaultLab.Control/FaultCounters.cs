namespace FaultLab.Control;

/// <summary>What FaultLab counted since the controller started or was last reset.</summary>
/// <param name="Forwarded">Requests that reached the dependency.</param>
/// <param name="Injected">Injected faults by fault name (the kind when unnamed).</param>
public sealed record FaultCounters(long Forwarded, IReadOnlyDictionary<string, long> Injected)
{
    /// <summary>Gets the number of injected faults, all names together.</summary>
    public long InjectedTotal => Injected.Values.Sum();
}
