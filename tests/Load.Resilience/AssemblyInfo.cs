// Every test drives real load over real sockets and measures real time on a small shared machine: running two
// side by side would measure each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// ...nor beside the load engine's or the CLI's timing tests in another test assembly (see tests/Shared).
[assembly: FaultLab.Tests.Shared.MachineWideTiming]
