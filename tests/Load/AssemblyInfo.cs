// Timing tests measure real time on a 2-core machine: running them side by side would measure each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Every load test measures real time: hold the machine-wide timing lock while it runs (see tests/Shared).
[assembly: FaultLab.Tests.Shared.MachineWideTiming]
