using FaultLab.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Tests.Support;

/// <summary>Drives a fake clock while a call is pending, so waits on fake time finish at once in real time.</summary>
internal static class Clock
{
    /// <summary>A fake clock that also knows its pending timers (<see cref="TestClock.NextDue"/>), so a test can ask it
    /// whether a call still waits instead of waiting real time and hoping.</summary>
    public static TestClock New() => new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public static async Task<T> Drive<T>(this FakeTimeProvider clock, Task<T> pending, TimeSpan step, TimeSpan limit)
    {
        TimeSpan advanced = TimeSpan.Zero;
        while (!pending.IsCompleted)
        {
            if (advanced >= limit)
            {
                throw new TimeoutException($"The call did not complete within {limit} of fake time.");
            }

            clock.Advance(step);
            advanced += step;

            // Lets continuations released by the advance run before the next step; returns as soon as the call completes.
            await Task.WhenAny(pending, Task.Delay(1));
        }

        return await pending;
    }

    public static async Task Drive(this FakeTimeProvider clock, Task pending, TimeSpan step, TimeSpan limit) =>
        await clock.Drive(pending.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step, limit);
}
