using Aspire.Hosting.ApplicationModel;
using FaultLab;
using FaultLab.Proxy;

namespace Aspire.Hosting;

/// <summary>A FaultLab fault proxy in front of another resource's HTTP endpoint, as a resource of its own: reference it
/// instead of the target (<c>WithReference(chaos, "orders")</c>) and every call goes through its faults.</summary>
public sealed class FaultProxyResource : Resource, IResourceWithServiceDiscovery
{
    internal const string EndpointName = "http";
    private readonly List<(string Name, FaultInjectionOptions Profile)> _profiles = [];

    /// <summary>Initializes a new instance of the <see cref="FaultProxyResource"/> class.</summary>
    /// <param name="name">The resource's name, for example <c>orders-chaos</c>.</param>
    /// <param name="target">The endpoint the proxy forwards to.</param>
    /// <param name="profileName">The name shown for <paramref name="profile"/>.</param>
    /// <param name="profile">The validated profile the proxy starts with.</param>
    public FaultProxyResource(string name, EndpointReference target, string profileName, FaultInjectionOptions profile)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(profileName);
        ArgumentNullException.ThrowIfNull(profile);
        Target = target;
        _profiles.Add((profileName, profile));
    }

    /// <summary>Gets the endpoint under chaos.</summary>
    public EndpointReference Target { get; }

    /// <summary>Gets the profiles the dashboard can switch to, the starting one first.</summary>
    public IReadOnlyList<(string Name, FaultInjectionOptions Profile)> Profiles => _profiles;

    /// <summary>Gets the running proxy, or <see langword="null"/> before the target's endpoint is allocated, when it failed to start, and once the app is disposed.</summary>
    public FaultProxy? Proxy { get; internal set; }

    /// <summary>Gets the proxy's own endpoint, the one referencing resources are given.</summary>
    public EndpointReference Endpoint => new(this, EndpointName);

    internal void AddProfile(string name, FaultInjectionOptions profile)
    {
        if (_profiles.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The fault proxy '{Name}' already has a profile named '{name}'.", nameof(name));
        }

        _profiles.Add((name, profile));
    }
}
