namespace FaultLab.Control;

/// <summary>A lease on a set of faults: they stay while it is renewed, and go when it ends or expires.</summary>
/// <param name="Id">The lease's id.</param>
/// <param name="FaultIds">The faults it added, in order.</param>
/// <param name="ExpiresAt">When its faults are removed unless it is renewed first.</param>
public sealed record FaultLeaseInfo(string Id, IReadOnlyList<string> FaultIds, DateTimeOffset ExpiresAt);
