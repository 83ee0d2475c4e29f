using FaultLab.Testing;
using Polly.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="ResilienceEventRecorder"/> with Polly's telemetry.</summary>
public static class ResilienceEventRecorderExtensions
{
    /// <summary>Records the events of every resilience pipeline this service provider builds.</summary>
    /// <param name="services">The services.</param>
    /// <param name="clock">Stamps each event; pass the test's fake clock.</param>
    /// <returns>The recorder, to assert on.</returns>
    public static ResilienceEventRecorder AddResilienceEventRecorder(this IServiceCollection services, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var recorder = new ResilienceEventRecorder(clock);
        services.Configure<TelemetryOptions>(options => options.TelemetryListeners.Add(recorder));
        return recorder;
    }
}
