namespace FaultLab.Control;

/// <summary>One fault under a <see cref="FaultController"/>: its id for the control API, and the lease that owns it.</summary>
/// <param name="Id">The id to change or remove it by: <c>profile-N</c> for the profile's faults, <c>fault-N</c> for added ones.</param>
/// <param name="Fault">The fault, as validated.</param>
/// <param name="LeaseId">The lease whose expiry removes it, or <see langword="null"/> when it stays until removed.</param>
public sealed record ControlledFault(string Id, Fault Fault, string? LeaseId);
