using FaultLab;
using Polly.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Attaches a <see cref="ResilienceObserver"/> to the Polly pipelines a service provider builds.</summary>
public static class ResilienceObserverServiceCollectionExtensions
{
    /// <summary>Observes the events of every resilience pipeline this service provider builds (the standard handlers,
    /// <c>AddResilienceHandler</c>, <c>AddResiliencePipeline</c>), with attempt numbers, delays and outcomes, and
    /// FaultLab's injected faults.</summary>
    /// <param name="services">The services.</param>
    /// <param name="clock">Stamps each event; pass the test's fake clock. The system clock when omitted.</param>
    /// <param name="clientName">Only this client's faults and pipelines count; every client's when omitted.</param>
    /// <returns>The observer, to assert on; dispose it when done.</returns>
    public static ResilienceObserver AddResilienceObserver(this IServiceCollection services, TimeProvider? clock = null, string? clientName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var observer = new ResilienceObserver(clientName, clock);
        observer.ListenThroughPolly();
        services.Configure<TelemetryOptions>(options => options.TelemetryListeners.Add(observer));
        return observer;
    }
}
