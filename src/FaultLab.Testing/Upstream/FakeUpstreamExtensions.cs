using FaultLab.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Routes clients to a <see cref="FakeUpstream"/> instead of the network.</summary>
public static class FakeUpstreamExtensions
{
    /// <summary>Makes <paramref name="upstream"/> this client's primary handler. FaultLab still wraps it innermost.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="upstream">The fake dependency.</param>
    /// <returns>The same client builder.</returns>
    public static IHttpClientBuilder UseFakeUpstream(this IHttpClientBuilder builder, FakeUpstream upstream)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(upstream);

        // One instance for every handler chain the factory builds, so its record spans them all; disposing it is harmless.
        return builder.ConfigurePrimaryHttpMessageHandler(() => upstream);
    }

    /// <summary>Makes <paramref name="upstream"/> the primary handler of every client that does not set its own.</summary>
    /// <param name="services">The services.</param>
    /// <param name="upstream">The fake dependency.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection RouteAllHttpClientsTo(this IServiceCollection services, FakeUpstream upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return services.ConfigureHttpClientDefaults(builder => builder.UseFakeUpstream(upstream));
    }
}
