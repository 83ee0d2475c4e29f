namespace FaultLab.Testing;

/// <summary>Signs that the process is still doing something; any change between two samples means "not settled yet".</summary>
/// <param name="ClockVersion">The test clock's version: it changes whenever a timer is created, changed or fired.</param>
/// <param name="WorkItems">Thread-pool work items completed so far.</param>
/// <param name="JitCompiled">Methods JIT-compiled so far: a first-time path compiles for milliseconds with no other sign.</param>
/// <param name="Exceptions">First-chance exceptions thrown so far.</param>
internal readonly record struct SignsOfLife(long ClockVersion, long WorkItems, long JitCompiled, long Exceptions)
{
    private static long s_exceptions;

    static SignsOfLife() => AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref s_exceptions);

    /// <summary>Samples the process now.</summary>
    /// <param name="clock">The test clock, when the driven clock is one; a plain fake clock has no version to watch.</param>
    public static SignsOfLife Now(TestClock? clock) => new(clock?.Version ?? 0, ThreadPool.CompletedWorkItemCount,
        System.Runtime.JitInfo.GetCompiledMethodCount(), Interlocked.Read(ref s_exceptions));
}
