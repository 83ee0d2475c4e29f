using Aspire.Hosting.ApplicationModel;
using FaultLab;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aspire.Hosting;

/// <summary>Puts FaultLab fault proxies in front of Aspire resources.</summary>
public static class FaultProxyResourceBuilderExtensions
{
    /// <summary>Puts a FaultLab fault proxy in front of <paramref name="target"/>'s HTTP endpoint, as a resource of its
    /// own named <c>{target}-chaos</c>. Reference the proxy instead of the target, under the target's name, and
    /// service discovery resolves that name to the proxy:
    /// <c>builder.AddProject&lt;Projects.Web&gt;("web").WithReference(chaos, "orders")</c>.</summary>
    /// <typeparam name="T">The target's resource type.</typeparam>
    /// <param name="target">The resource under chaos; it needs an http endpoint (a launch profile or <c>WithHttpEndpoint()</c>).</param>
    /// <param name="profile">The validated profile the proxy starts with (<c>FaultProfileFile.Load</c>, or built in code).</param>
    /// <param name="profileName">The name shown for it in the dashboard. Defaults to <c>default</c>.</param>
    /// <param name="endpointName">The target's endpoint to put the proxy in front of. Defaults to <c>http</c>.</param>
    /// <returns>The proxy resource, for <c>WithReference</c> and <see cref="WithFaultProfile"/>.</returns>
    /// <exception cref="ArgumentException">The profile is invalid; the message names every setting's path.</exception>
    public static IResourceBuilder<FaultProxyResource> WithFaultProxy<T>(this IResourceBuilder<T> target, FaultInjectionOptions profile,
        string profileName = "default", string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(profile);
        ThrowIfInvalid(profile, nameof(profile));
        var resource = new FaultProxyResource($"{target.Resource.Name}-chaos", target.GetEndpoint(endpointName), profileName, profile);
        target.ApplicationBuilder.Services.TryAddSingleton<FaultProxyHost>();
        FaultProxyLifecycle.Subscribe(target.ApplicationBuilder, resource);

        var chaos = target.ApplicationBuilder.AddResource(resource)
            .WithAnnotation(new EndpointAnnotation(System.Net.Sockets.ProtocolType.Tcp, uriScheme: "http",
                name: FaultProxyResource.EndpointName, isProxied: false))
            .WithRelationship(target.Resource, "Chaos for")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "FaultLab proxy",
                State = new ResourceStateSnapshot(KnownResourceStates.Waiting, KnownResourceStateStyles.Info),
                Properties = [new ResourcePropertySnapshot(FaultProxyState.TargetProperty, target.Resource.Name)],
            });
        FaultProxyCommands.Add(chaos);
        return chaos;
    }

    /// <summary>Adds a profile the dashboard (and <c>ResourceCommandService</c>) can switch the proxy to, as the command
    /// <c>faultlab-profile-{name}</c>.</summary>
    /// <param name="chaos">The proxy resource.</param>
    /// <param name="name">The profile's name, shown on the command.</param>
    /// <param name="profile">The validated profile.</param>
    /// <returns>The same proxy resource.</returns>
    /// <exception cref="ArgumentException">The profile is invalid or the name is taken.</exception>
    public static IResourceBuilder<FaultProxyResource> WithFaultProfile(this IResourceBuilder<FaultProxyResource> chaos, string name,
        FaultInjectionOptions profile)
    {
        ArgumentNullException.ThrowIfNull(chaos);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(profile);
        ThrowIfInvalid(profile, nameof(profile));
        chaos.Resource.AddProfile(name, profile);
        FaultProxyCommands.AddProfileCommand(chaos, name, profile);
        return chaos;
    }

    private static void ThrowIfInvalid(FaultInjectionOptions profile, string parameterName)
    {
        if (profile.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid fault profile: " + string.Join(" ", errors), parameterName);
        }
    }
}
