namespace FaultLab.Cli.Experiments;

/// <summary>One client set-up a run drives: its logical name (also the scenario's), its resilience, and its faults.</summary>
/// <param name="Name">The client and scenario name.</param>
/// <param name="Resilience">The resilience it has.</param>
/// <param name="Faults">The faults injected below it.</param>
internal sealed record ClientUnderTest(string Name, ClientResilience Resilience, Action<FaultInjectionBuilder> Faults);
