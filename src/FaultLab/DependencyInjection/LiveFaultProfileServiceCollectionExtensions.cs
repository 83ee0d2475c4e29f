using FaultLab;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <see cref="LiveFaultProfile"/> that lets a control API or a test replace the profile of every
/// FaultLab client in the container at run time.</summary>
public static class LiveFaultProfileServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="LiveFaultProfile"/> (once, however often called). While it holds an override,
    /// every client with <c>AddFaultInjection</c> uses the override instead of its configured profile;
    /// <see cref="LiveFaultProfile.Reset"/> puts each client's configured profile back.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddLiveFaultProfile(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<LiveFaultProfile>();
        return services;
    }
}
