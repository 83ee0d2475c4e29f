using FaultLab.Decision;
using FaultLab.Selection;

namespace FaultLab.Realization;

/// <summary>What a fault's realization is built with, once per compiled profile: the injected clock, the moment the
/// profile started, the fault's own seeded randomness, and where an injection is reported.</summary>
/// <param name="Clock">The injected clock, for delays, schedules, limits and <c>Date</c> headers.</param>
/// <param name="ProfileStart">When the profile was built: the origin of schedules and revocations.</param>
/// <param name="Random">The fault's randomness (seeded from the profile's seed and the fault's position).</param>
/// <param name="Report">Reports an injection in the fault's name (metric, activity, log, request mark).</param>
internal sealed record RealizationContext(TimeProvider Clock, DateTimeOffset ProfileStart, SeededRandom Random, InjectionReport Report)
{
    /// <summary>The same context reporting as <paramref name="kind"/>: a script step reports the kind it plays.</summary>
    public RealizationContext ReportingAs(string kind) => this with { Report = Report.As(kind) };
}
