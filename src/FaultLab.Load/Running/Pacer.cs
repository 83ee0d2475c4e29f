namespace FaultLab.Load;

/// <summary>
/// Waits until a timestamp. The open-model dispatcher needs sub-millisecond precision and gets it from a
/// dedicated thread (kernel wait, then yielding for the last stretch); everything else uses timers.
/// </summary>
internal static class Pacer
{
    private static readonly TimeSpan TimerGranularity = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Timer-based wait, for waits where a millisecond does not matter (phase ends, ramp steps, the sampler)
    /// and for fake clocks. Sub-millisecond remainders are rounded up to one timer tick: a zero delay would spin.
    /// </summary>
    public static async ValueTask WaitUntilAsync(TimeProvider time, long dueTimestamp, CancellationToken token)
    {
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var remaining = time.GetElapsedTime(time.GetTimestamp(), dueTimestamp);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(remaining < TimerGranularity ? TimerGranularity : remaining, time, token).ConfigureAwait(false);
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
            {
                return;
            }

            var sleep = precise ? remaining - BlockingSpinWindow : remaining;
            if (sleep >= TimerGranularity)
            {
                token.WaitHandle.WaitOne(sleep);
            }
            else if (precise)
            {
                Thread.Yield();
            }
            else
            {
                token.WaitHandle.WaitOne(TimerGranularity);
            }
        }
    }

    private static readonly TimeSpan BlockingSpinWindow = TimeSpan.FromMilliseconds(0.5);

    public static long Add(TimeProvider time, long timestamp, double seconds) =>
        timestamp + (long)Math.Round(seconds * time.TimestampFrequency);
}
