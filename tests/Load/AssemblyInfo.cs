// Timing tests measure real time on a 2-core machine: running them side by side would measure each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
