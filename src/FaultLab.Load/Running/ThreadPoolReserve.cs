namespace FaultLab.Load;

/// <summary>
/// Raises the thread pool's minimum worker count for the duration of a run and restores it afterwards.
/// The pool starts with one thread per core and adds more only about once per second when starved; a host
/// that blocks a few pool threads (test runners do) would then hold every arrival back by up to a second —
/// exactly the generator-side delay an open model must not have.
/// </summary>
internal sealed class ThreadPoolReserve : IDisposable
{
    private readonly int _previousWorkers;
    private readonly int _previousIo;
    private readonly bool _changed;

    public ThreadPoolReserve(int minWorkers)
    {
        ThreadPool.GetMinThreads(out _previousWorkers, out _previousIo);
        if (minWorkers > _previousWorkers)
        {
            _changed = ThreadPool.SetMinThreads(minWorkers, _previousIo);
        }
    }

    public void Dispose()
    {
        if (_changed)
        {
            ThreadPool.SetMinThreads(_previousWorkers, _previousIo);
        }
    }
}
