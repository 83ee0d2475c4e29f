namespace FaultLab.Testing;

/// <summary>
/// Decides, from samples taken about every millisecond of real time, when a pending call has nothing left to do before
/// its next wait on the clock: for <see cref="Quiet"/> no sign of life changed and no thread-pool work item was
/// waiting, and over that period the process used at most <see cref="IdleCpu"/> of CPU. CPU is process-wide (other tests
/// running beside this one keep it busy), so it may only delay the decision: once quiet periods have gone on for
/// <see cref="CpuBound"/>, quiet alone settles it. The sampling loop (and its real-time bound) is the caller's, so the
/// decision itself is tested on made-up samples.
/// </summary>
internal sealed class SettleWatch
{
    /// <summary>How long nothing may change for the call to count as quiet.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(5);

    /// <summary>The CPU a quiet period may use and still count as idle.</summary>
    public static readonly TimeSpan IdleCpu = TimeSpan.FromMilliseconds(1);

    /// <summary>How long busy CPU may hold back a call that is otherwise quiet, from its first quiet period.</summary>
    public static readonly TimeSpan CpuBound = TimeSpan.FromMilliseconds(50);

    private SignsOfLife _last;
    private TimeSpan _quietSince;
    private TimeSpan _cpuAtQuietStart;
    private TimeSpan? _firstQuiet;

    /// <summary>Starts watching at elapsed time zero.</summary>
    /// <param name="start">The signs of life when watching starts.</param>
    /// <param name="cpu">The process's CPU time when watching starts.</param>
    public SettleWatch(SignsOfLife start, TimeSpan cpu)
    {
        _last = start;
        _cpuAtQuietStart = cpu;
    }

    /// <summary>Takes one sample.</summary>
    /// <param name="elapsed">Real time since watching started.</param>
    /// <param name="now">The signs of life now.</param>
    /// <param name="workPending">Whether thread-pool work items are waiting to run.</param>
    /// <param name="cpu">The process's CPU time now.</param>
    /// <returns><see langword="true"/> when the call has settled.</returns>
    public bool Settled(TimeSpan elapsed, SignsOfLife now, bool workPending, TimeSpan cpu)
    {
        if (now != _last || workPending)
        {
            _last = now;
            StartQuietPeriod(elapsed, cpu);
            return false;
        }

        if (elapsed - _quietSince < Quiet)
        {
            return false;
        }

        _firstQuiet ??= elapsed;
        if (cpu - _cpuAtQuietStart <= IdleCpu || elapsed - _firstQuiet.Value >= CpuBound)
        {
            return true;
        }

        // Something still burns CPU without other signs of life: start a new quiet period.
        StartQuietPeriod(elapsed, cpu);
        return false;
    }

    private void StartQuietPeriod(TimeSpan elapsed, TimeSpan cpu)
    {
        _quietSince = elapsed;
        _cpuAtQuietStart = cpu;
    }
}
