using FaultLab.Configuration;
using FaultLab.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds FaultLab to an <see cref="IHttpClientBuilder"/>. The fault handler always ends up innermost, directly above
/// the primary handler, whatever order it is added in relative to resilience handlers. Called inside
/// <c>ConfigureHttpClientDefaults</c>, the profile applies to every client that has none of its own.
/// </summary>
public static class FaultInjectionHttpClientBuilderExtensions
{
    /// <summary>Adds faults built fluently.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Adds faults and sets the seed.</param>
    /// <returns>The same client builder.</returns>
    public static IHttpClientBuilder AddFaultInjection(this IHttpClientBuilder builder, Action<FaultLab.FaultInjectionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        string optionsName = Register(builder);
        builder.Services.AddOptions<FaultLab.FaultInjectionOptions>(optionsName)
            .Configure(options => configure(new FaultLab.FaultInjectionBuilder(options)))
            .ValidateOnStart();
        return builder;
    }

    /// <summary>Adds the faults described by a configuration section, reloaded live when the configuration changes.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="section">The profile section (schema in README).</param>
    /// <returns>The same client builder.</returns>
    public static IHttpClientBuilder AddFaultInjection(this IHttpClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        string optionsName = Register(builder);
        builder.Services.AddOptions<FaultLab.FaultInjectionOptions>(optionsName)
            .Configure(options => FaultProfileBinder.Bind(section, options))
            .ValidateOnStart();
        builder.Services.AddSingleton<IOptionsChangeTokenSource<FaultLab.FaultInjectionOptions>>(
            new ConfigurationChangeTokenSource<FaultLab.FaultInjectionOptions>(optionsName, section));
        return builder;
    }

    private static string Register(IHttpClientBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<FaultPipelineProviders>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaultLab.FaultInjectionOptions>, FaultInjectionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, FaultInjectionHandlerFilter>());

        // ConfigureHttpClientDefaults hands out a builder without a name: that profile is for every client.
        string? name = builder.Name;
        services.Configure<FaultInjectionClients>(clients =>
        {
            if (name is null)
            {
                clients.AllClients = true;
            }
            else
            {
                clients.Named.Add(name);
            }
        });
        return name ?? FaultInjectionClients.AllClientsOptionsName;
    }
}
