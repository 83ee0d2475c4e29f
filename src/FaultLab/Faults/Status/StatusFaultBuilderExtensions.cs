using System.Net;

namespace FaultLab;

/// <summary>Adds HTTP status faults to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class StatusFaultBuilderExtensions
{
    /// <summary>Answers a share of requests with an error status and a problem-details body.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="statusCode">The status: 4xx or 5xx.</param>
    /// <param name="injectionRate">The share of targeted requests answered so, 0 to 1.</param>
    /// <param name="retryAfter">An optional <c>Retry-After</c> (sent as delta-seconds).</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddStatus(this FaultInjectionBuilder builder, HttpStatusCode statusCode,
        double injectionRate = 1.0, TimeSpan? retryAfter = null) =>
        builder.AddFault(new StatusFault { StatusCode = (int)statusCode, InjectionRate = injectionRate, RetryAfter = retryAfter });

    /// <summary>Adds a status fault configured in full.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets status, body, headers, rate, target and schedule.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddStatus(this FaultInjectionBuilder builder, Action<StatusFault> configure) =>
        builder.AddFault(configure);
}
