namespace FaultLab.Load;

/// <summary>
/// Waits until a timestamp with sub-millisecond precision. Timer-based delays fire a millisecond or more
/// late, so the last stretch is spent yielding the thread instead of sleeping. With a fake
/// <see cref="TimeProvider"/> (tests) or when precision is not asked for, it only uses timer delays.
/// </summary>
internal static class Pacer
{
    private static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(1.5);
    private static readonly TimeSpan TimerGranularity = TimeSpan.FromMilliseconds(1);

    public static async ValueTask WaitUntilAsync(TimeProvider time, long dueTimestamp, bool precise, CancellationToken token)
    {
        var canSpin = precise && ReferenceEquals(time, TimeProvider.System);
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var remaining = time.GetElapsedTime(time.GetTimestamp(), dueTimestamp);
            if (remaining <= TimeSpan.Zero)
                return;
            if (!canSpin)
            {
                // Sub-millisecond delays round down to zero and would busy-loop; at high rates we batch instead.
                await Task.Delay(remaining < TimerGranularity ? TimerGranularity : remaining, time, token).ConfigureAwait(false);
                continue;
            }
            var sleep = remaining - SpinWindow;
            if (sleep >= TimerGranularity)
                await Task.Delay(sleep, time, token).ConfigureAwait(false);
            else
                Thread.Yield();
        }
    }

    /// <summary>
    /// Blocking variant for a dedicated dispatcher thread: kernel waits wake up far closer to their deadline
    /// than timer-queue delays (which also need a free thread-pool thread to resume), and the last stretch is
    /// spent yielding when <paramref name="precise"/>.
    /// </summary>
    public static void WaitUntilBlocking(TimeProvider time, long dueTimestamp, bool precise, CancellationToken token)
    {
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var remaining = time.GetElapsedTime(time.GetTimestamp(), dueTimestamp);
            if (remaining <= TimeSpan.Zero)
                return;
            var sleep = precise ? remaining - BlockingSpinWindow : remaining;
            if (sleep >= TimerGranularity)
                token.WaitHandle.WaitOne(sleep);
            else if (precise)
                Thread.Yield();
            else
                token.WaitHandle.WaitOne(TimerGranularity);
        }
    }

    private static readonly TimeSpan BlockingSpinWindow = TimeSpan.FromMilliseconds(0.5);

    public static long Add(TimeProvider time, long timestamp, double seconds) =>
        timestamp + (long)Math.Round(seconds * time.TimestampFrequency);
}
