namespace FaultLab;

/// <summary>Adds outage windows and flapping to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class OutageFaultBuilderExtensions
{
    /// <summary>Takes the dependency down from <paramref name="start"/> (after profile start) for <paramref name="duration"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="start">When the outage begins, from profile start.</param>
    /// <param name="duration">How long it lasts.</param>
    /// <param name="failure">How requests fail meanwhile.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddOutage(this FaultInjectionBuilder builder, TimeSpan start, TimeSpan duration,
        OutageFailure failure = OutageFailure.ServiceUnavailable) =>
        builder.AddFault(new OutageFault { Failure = failure, Schedule = new FaultSchedule { Start = start, Duration = duration } });

    /// <summary>Makes the dependency flap: up for <paramref name="up"/>, down for <paramref name="down"/>, repeating.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="up">How long each healthy spell lasts.</param>
    /// <param name="down">How long each outage lasts.</param>
    /// <param name="failure">How requests fail while down.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddFlapping(this FaultInjectionBuilder builder, TimeSpan up, TimeSpan down,
        OutageFailure failure = OutageFailure.ServiceUnavailable) =>
        builder.AddFault(new OutageFault { Failure = failure, Schedule = new FaultSchedule { Up = up, Down = down } });

    /// <summary>Adds an outage configured in full.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the failure, schedule and target.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddOutage(this FaultInjectionBuilder builder, Action<OutageFault> configure) =>
        builder.AddFault(configure);
}
