using FaultLab;
using FaultLab.Control;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers live control of the in-process FaultLab clients.</summary>
public static class FaultControlServiceCollectionExtensions
{
    /// <summary>Registers a <see cref="LiveFaultProfile"/> and the <see cref="FaultController"/> over it, for
    /// <c>app.MapFaultControl()</c> or direct use. While the controller holds faults (or has them off), its profile
    /// replaces every client's configured one; <see cref="FaultController.Reset"/> puts the configured ones back.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Lease duration, clock, counted client.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddFaultControl(this IServiceCollection services, Action<FaultControllerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLiveFaultProfile();
        services.TryAddSingleton(sp =>
        {
            var options = new FaultControllerOptions { TimeProvider = sp.GetService<TimeProvider>() };
            configure?.Invoke(options);
            return new FaultController(sp.GetRequiredService<LiveFaultProfile>(), options);
        });
        return services;
    }
}
