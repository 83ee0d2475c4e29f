using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// Delays the request before it is sent, then lets it through (it adds to whatever follows). Exactly one shape:
/// fixed (<see cref="Delay"/>), uniform (<see cref="Min"/>..<see cref="Max"/>) or long-tailed log-normal
/// (<see cref="P50"/> and <see cref="P99"/>). A cancelled call ends at cancellation, not after the delay.
/// </summary>
[FaultKind("The call is delayed (fixed, uniform, or long-tailed) on the injected clock, then proceeds.",
    Example = """{ "Delay": "00:00:00.100" }""")]
public sealed class LatencyFault : Fault
{

    /// <summary>Gets or sets a fixed delay.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>Gets or sets the lower bound of a uniform delay.</summary>
    public TimeSpan? Min { get; set; }

    /// <summary>Gets or sets the upper bound of a uniform delay.</summary>
    public TimeSpan? Max { get; set; }

    /// <summary>Gets or sets the median of a long-tailed (log-normal) delay.</summary>
    public TimeSpan? P50 { get; set; }

    /// <summary>Gets or sets the 99th percentile of a long-tailed (log-normal) delay.</summary>
    public TimeSpan? P99 { get; set; }

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        int shapes = (Delay.HasValue ? 1 : 0) + (Min.HasValue || Max.HasValue ? 1 : 0) + (P50.HasValue || P99.HasValue ? 1 : 0);
        if (shapes == 0)
        {
            errors.Add($"{path[nameof(Delay)]}: a latency fault needs a delay: Delay, or Min and Max, or P50 and P99.");
            return;
        }

        if (shapes > 1)
        {
            errors.Add($"{path[nameof(Delay)]}: give only one latency shape: Delay, or Min and Max, or P50 and P99.");
        }

        if (Delay is { } d && d < TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(Delay)]}: must not be negative (was {d}).");
        }

        if ((Min.HasValue || Max.HasValue) && !(Min >= TimeSpan.Zero && Max >= Min))
        {
            errors.Add($"{path[nameof(Max)]}: a uniform delay needs 0 <= Min <= Max (was Min={Min}, Max={Max}).");
        }

        if ((P50.HasValue || P99.HasValue) && !(P50 > TimeSpan.Zero && P99 >= P50))
        {
            errors.Add($"{path[nameof(P99)]}: a long-tailed delay needs 0 < P50 <= P99 (was P50={P50}, P99={P99}).");
        }
    }

    internal override FaultRealization Realize(RealizationContext context)
    {
        var distribution = LatencyDistribution.From(this);
        return new Delay(context, () => distribution.Sample(context.Random));
    }
}
