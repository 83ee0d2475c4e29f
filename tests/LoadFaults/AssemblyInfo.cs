// Every test drives real load over real sockets and measures real time on a small shared machine: running two
// side by side would measure each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
