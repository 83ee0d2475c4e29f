using FaultLab;
using FaultLab.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Injects faults into every <c>HttpClient</c> an application makes through <c>IHttpClientFactory</c>, from a test
/// (for example in <c>WebApplicationFactory.ConfigureTestServices</c>), without touching the application's code.
/// </summary>
public static class AllHttpClientsFaultExtensions
{
    /// <summary>Injects the faults of <paramref name="configure"/> into every client that has no FaultLab profile of its own,
    /// innermost, below the application's own resilience handlers.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Adds faults (or a script, with <c>AddScript</c>).</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection InjectFaultsIntoAllHttpClients(this IServiceCollection services, Action<FaultInjectionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.ConfigureHttpClientDefaults(client => client.AddFaultInjection(configure));
    }
}
