namespace FaultLab.Load.Resilience;

/// <summary>A stretch of time in which a scheduled fault was active, in seconds of a scenario's measured timeline.</summary>
/// <param name="Fault">The fault's name (its kind unless it was named).</param>
/// <param name="StartSeconds">When it became active.</param>
/// <param name="EndSeconds">When it stopped (or the timeline ended).</param>
public sealed record FaultWindow(string Fault, double StartSeconds, double EndSeconds)
{
    /// <summary>Gets the window's length in seconds.</summary>
    public double LengthSeconds => EndSeconds - StartSeconds;

    /// <summary>
    /// Lays the schedules of <paramref name="faults"/> onto a timeline: a window (<c>Start</c> + <c>Duration</c>)
    /// once, flapping (<c>Up</c> then <c>Down</c>) once per down period. Schedules count from when the client's
    /// profile started; the timeline from <paramref name="offset"/> later (negative when the timeline began
    /// first). Faults without a schedule, or disabled, are always or never on: they mark no window.
    /// </summary>
    /// <param name="faults">The client's faults, in profile order.</param>
    /// <param name="offset">The timeline's origin minus the profile's start.</param>
    /// <param name="timelineSeconds">The timeline's length; windows are clipped to it.</param>
    /// <returns>The windows, earliest first.</returns>
    public static IReadOnlyList<FaultWindow> FromSchedules(IEnumerable<Fault> faults, TimeSpan offset, double timelineSeconds)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentOutOfRangeException.ThrowIfNegative(timelineSeconds);
        var windows = new List<FaultWindow>();
        double shift = offset.TotalSeconds, horizon = timelineSeconds + shift; // the timeline's end, on the profile's clock
        foreach (var fault in faults.Where(f => f.Enabled && f.InjectionRate > 0 && f.Schedule is not null))
        {
            var schedule = fault.Schedule!;
            string name = fault.Name ?? fault.Kind;
            double start = schedule.Start.TotalSeconds;
            if (schedule.Up is { } up && schedule.Down is { } down && up + down > TimeSpan.Zero)
            {
                double cycle = (up + down).TotalSeconds;
                for (double from = start + up.TotalSeconds; from < horizon; from += cycle)
                {
                    Add(windows, name, from, from + down.TotalSeconds, shift, timelineSeconds);
                }
            }
            else
            {
                Add(windows, name, start, schedule.Duration is { } d ? start + d.TotalSeconds : horizon, shift, timelineSeconds);
            }
        }

        return [.. windows.OrderBy(w => w.StartSeconds)];
    }

    private static void Add(List<FaultWindow> windows, string name, double from, double to, double shift, double length)
    {
        double start = Math.Clamp(from - shift, 0, length), end = Math.Clamp(to - shift, 0, length);
        if (end > start)
        {
            windows.Add(new FaultWindow(name, start, end));
        }
    }
}
