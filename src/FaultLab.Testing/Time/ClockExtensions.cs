using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Testing;

/// <summary>Drives a fake clock while a call is pending, so retries, timeouts and windows elapse in no real time.</summary>
public static class ClockExtensions
{
    /// <summary>The fake-time bound used when none is given: longer than any default resilience timeout.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(10);

    /// <summary>The step a plain <see cref="FakeTimeProvider"/> advances by when none is given.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Advances <paramref name="clock"/> until <paramref name="task"/> completes, then awaits it (its exception, if any,
    /// is rethrown). Before each advance it lets the call run until it waits on the clock again. A <see cref="TestClock"/>
    /// jumps to its next due timer (at most <paramref name="step"/> at a time, when given), so delays elapse exactly; a
    /// plain <see cref="FakeTimeProvider"/> advances by <paramref name="step"/>.
    /// </summary>
    /// <param name="clock">The clock the code under test uses.</param>
    /// <param name="task">The pending call.</param>
    /// <param name="step">The most fake time one advance may take.</param>
    /// <param name="limit">The most fake time to spend; then <see cref="TimeoutException"/>.</param>
    /// <returns>A task that completes as <paramref name="task"/> does.</returns>
    /// <exception cref="TimeoutException">The call was still pending after <paramref name="limit"/> of fake time.</exception>
    /// <exception cref="InvalidOperationException">The call is stuck on something other than the clock.</exception>
    public static async Task RunUntilComplete(this FakeTimeProvider clock, Task task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(task);
        if (step is { } s && s <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be positive.");
        }

        // Driven from a thread of its own: the caller's synchronization context stays free to run the call's continuations,
        // and the thread pool keeps every worker for the call (a sleeping driver on a worker can starve a 2-core pool).
        await RunUntilComplete(clock, task, step, limit, reacted: null).ConfigureAwait(false);
    }

    /// <summary>
    /// As the public overload; <paramref name="reacted"/> is a number that changes when the code under test reacts to a
    /// timer without setting a new one (a stream of calls where one call ends), so the driver need not wait out its bound.
    /// </summary>
    internal static async Task RunUntilComplete(this FakeTimeProvider clock, Task task, TimeSpan? step, TimeSpan? limit, Func<long>? reacted)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(task);
        await Task.Factory.StartNew(() => Drive(clock, task, step, limit ?? DefaultLimit, reacted), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        await task.ConfigureAwait(false);
    }

    /// <summary>Advances <paramref name="clock"/> until <paramref name="task"/> completes, then returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="clock">The clock the code under test uses.</param>
    /// <param name="task">The pending call.</param>
    /// <param name="step">The most fake time one advance may take.</param>
    /// <param name="limit">The most fake time to spend; then <see cref="TimeoutException"/>.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="TimeoutException">The call was still pending after <paramref name="limit"/> of fake time.</exception>
    /// <exception cref="InvalidOperationException">The call is stuck on something other than the clock.</exception>
    public static async Task<T> RunUntilComplete<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        await RunUntilComplete(clock, (Task)task, step, limit).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    // How long, in real time, a pending call may go without any timer on the clock before it is reported as stuck.
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMilliseconds(300);

    private static void Drive(FakeTimeProvider clock, Task task, TimeSpan? step, TimeSpan limit, Func<long>? reacted)
    {
        DateTimeOffset deadline = clock.GetUtcNow() + limit;
        var testClock = clock as TestClock;
        long? schedulesBeforeFiring = null;
        long reactionsBeforeFiring = 0;
        Stopwatch? idle = null;
        while (!task.IsCompleted)
        {
            if (testClock is not null && schedulesBeforeFiring is { } before)
            {
                AwaitReaction(task, testClock, before, reacted, reactionsBeforeFiring);
            }

            Settle(task, testClock);
            if (task.IsCompleted)
            {
                return;
            }

            DateTimeOffset now = clock.GetUtcNow();
            if (now >= deadline)
            {
                throw new TimeoutException($"The call was still pending after {limit} of fake time (now {now:O}).");
            }

            // Not a pattern variable of the condition: mutating the condition must still compile (see MatrixReport.Html).
            TimeSpan? next = NextAdvance(clock, now, step);
            if (next is null)
            {
                // Nothing waits on the clock yet: give the call a little real time to reach its next wait.
                idle ??= Stopwatch.StartNew();
                if (idle.Elapsed > IdleLimit)
                {
                    throw new InvalidOperationException(
                        "The call is pending but nothing waits on the clock: it is blocked on something else (real I/O, a lock, " +
                        "a timer of another TimeProvider). Register the clock as the TimeProvider (AddTestClock or UseFakeTimeProvider) before the client is built.");
                }

                continue;
            }

            idle = null;
            TimeSpan advance = next.Value > deadline - now ? deadline - now : next.Value;
            schedulesBeforeFiring = testClock is not null && FiresTimer(now, advance, testClock.NextDue) ? testClock.Schedules : null;
            reactionsBeforeFiring = reacted?.Invoke() ?? 0;
            clock.Advance(advance);
        }
    }

    /// <summary>Whether an advance fires the next due timer: a fake clock fires every timer whose due time the advance
    /// reaches, not only those it passes.</summary>
    internal static bool FiresTimer(DateTimeOffset now, TimeSpan advance, DateTimeOffset? due) => due is { } at && now + advance >= at;

    private static TimeSpan? NextAdvance(FakeTimeProvider clock, DateTimeOffset now, TimeSpan? step)
    {
        if (clock is not TestClock testClock)
        {
            return step ?? DefaultStep;
        }

        if (testClock.NextDue is not { } due)
        {
            return null;
        }

        // A timer already due has fired inside the last Advance; if the tracking disagrees, 1 ms keeps time moving.
        TimeSpan untilDue = due > now ? due - now : TimeSpan.FromMilliseconds(1);
        return step is { } max && max < untilDue ? max : untilDue;
    }

    /// <summary>
    /// After a timer fired, waits (in real time, bounded) until the call reacts: it completes, or it sets a timer again,
    /// which is how every wait of a resilience pipeline on the clock begins (a retry delay, the next attempt's timeout).
    /// Quiet alone is not proof: a first-time path can stall for milliseconds on page faults with no sign of life.
    /// </summary>
    private static void AwaitReaction(Task task, TestClock clock, long schedulesBeforeFiring, Func<long>? reacted, long reactionsBeforeFiring)
    {
        var bound = TimeSpan.FromSeconds(2);
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted && clock.Schedules == schedulesBeforeFiring && (reacted?.Invoke() ?? 0) == reactionsBeforeFiring && watch.Elapsed < bound)
        {
            Thread.Sleep(1);
        }
    }

    /// <summary>
    /// Waits, in real time but briefly, until the call has nothing left to do before its next wait on the clock: for a
    /// short quiet period no timer changes, no thread-pool work item completes, nothing is JIT-compiled, no exception
    /// is thrown, and the process uses almost no CPU. Advancing earlier would fire the next timer while the call is
    /// still reacting to the last one (a first-time path loads types and formats logs for milliseconds without any
    /// other sign of life), and the test would see a race no real clock produces. Sleeps rather than spins, so its own
    /// thread does not count as activity.
    /// </summary>
    private static void Settle(Task task, TestClock? clock)
    {
        var bound = TimeSpan.FromMilliseconds(200);
        var watch = Stopwatch.StartNew();
        var settle = new SettleWatch(SignsOfLife.Now(clock), Environment.CpuUsage.TotalTime);
        while (!task.IsCompleted && watch.Elapsed < bound)
        {
            Thread.Sleep(1);
            if (settle.Settled(watch.Elapsed, SignsOfLife.Now(clock), ThreadPool.PendingWorkItemCount > 0, Environment.CpuUsage.TotalTime))
            {
                return;
            }
        }
    }
}
