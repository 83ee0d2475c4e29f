using FaultLab.Configuration;

namespace FaultLab;

/// <summary>
/// When a fault is active, measured on the injected <see cref="TimeProvider"/> from the moment the profile starts.
/// Either a single window (<see cref="Start"/> + <see cref="Duration"/>) or flapping (<see cref="Up"/> then
/// <see cref="Down"/>, repeating from <see cref="Start"/>).
/// </summary>
public sealed class FaultSchedule
{
    /// <summary>Gets or sets the offset from profile start at which the schedule begins. Defaults to zero.</summary>
    public TimeSpan Start { get; set; }

    /// <summary>Gets or sets how long a single window lasts; <see langword="null"/> with no flapping means forever.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>Gets or sets, for flapping, how long the dependency stays up (fault inactive) in each cycle.</summary>
    public TimeSpan? Up { get; set; }

    /// <summary>Gets or sets, for flapping, how long the dependency stays down (fault active) in each cycle.</summary>
    public TimeSpan? Down { get; set; }

    internal bool IsFlapping => Up.HasValue || Down.HasValue;

    /// <summary>Tells whether the fault is active <paramref name="elapsed"/> after the profile started.</summary>
    internal bool IsActive(TimeSpan elapsed)
    {
        if (elapsed < Start)
        {
            return false;
        }

        TimeSpan since = elapsed - Start;
        if (IsFlapping)
        {
            long cycle = (Up!.Value + Down!.Value).Ticks;
            return since.Ticks % cycle >= Up.Value.Ticks;
        }

        return Duration is null || since < Duration.Value;
    }

    internal void Validate(SettingPath path, List<string> errors)
    {
        if (Start < TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(Start)]}: must not be negative (was {Start}).");
        }

        if (Duration is { } d && d <= TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(Duration)]}: must be positive (was {d}).");
        }

        if (IsFlapping)
        {
            if (Up is not { } up || up <= TimeSpan.Zero)
            {
                errors.Add($"{path[nameof(Up)]}: flapping needs a positive Up period (was {Up?.ToString() ?? "missing"}).");
            }

            if (Down is not { } down || down <= TimeSpan.Zero)
            {
                errors.Add($"{path[nameof(Down)]}: flapping needs a positive Down period (was {Down?.ToString() ?? "missing"}).");
            }

            if (Duration is not null)
            {
                errors.Add($"{path[nameof(Duration)]}: a schedule is either a window (Duration) or flapping (Up/Down), not both.");
            }
        }
    }
}
