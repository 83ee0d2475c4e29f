using System.Collections.Immutable;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using FaultLab.Control;
using FaultLab;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>What the dashboard shows of a fault proxy: the state text names the resource under chaos, the properties
/// the profile, the faults and what was injected so far.</summary>
internal static class FaultProxyState
{
    public const string TargetProperty = "faultlab.target";
    public const string ProfileProperty = "faultlab.profile";
    public const string FaultsProperty = "faultlab.faults";
    public const string InjectedProperty = "faultlab.injected";
    public const string ForwardedProperty = "faultlab.forwarded";

    /// <summary>"Faults on orders" while faults are on, "No faults on orders" while they are off or there are none, "Faults
    /// on orders refused in Production" while the app host's Production guard passes every request through (plain words:
    /// the dashboard humanizes state text and drops punctuation).</summary>
    public static ResourceStateSnapshot Text(FaultController controller, string target, bool refused) =>
        (controller.Enabled && controller.Faults.Count > 0, refused) switch
        {
            (false, _) => new ResourceStateSnapshot($"No faults on {target}", KnownResourceStateStyles.Success),
            (true, true) => new ResourceStateSnapshot($"Faults on {target} refused in Production", KnownResourceStateStyles.Info),
            (true, false) => new ResourceStateSnapshot($"Faults on {target}", KnownResourceStateStyles.Warn),
        };

    /// <summary>The running proxy's state. It takes the proxy the lifecycle started rather than reading
    /// <see cref="FaultProxyResource.Proxy"/>, which shutdown clears while a command's or the timer's update may still run.</summary>
    public static CustomResourceSnapshot Running(CustomResourceSnapshot snapshot, FaultProxyResource resource, FaultLab.Proxy.FaultProxy proxy,
        IHostEnvironment environment)
    {
        Uri address = proxy.Address;
        var controller = proxy.Controller;
        // The proxy's guard decides on the profile in force (the controller's changes included) in the app host's
        // environment; the same test here shows its decision instead of "Faults on" for faults nobody meets.
        bool refused = ProductionRule.Refuses(environment.EnvironmentName, (proxy.Profile.Override ?? proxy.Profile.Baseline)?.AllowInProduction == true);
        var counters = controller.GetCounters();
        string target = resource.Target.Resource.Name;
        string faults = string.Join(", ", controller.Faults.Select(f => f.Fault.Name ?? f.Fault.Kind));
        return snapshot with
        {
            State = Text(controller, target, refused),
            StartTimeStamp = snapshot.StartTimeStamp ?? DateTime.UtcNow,
            Urls = [new UrlSnapshot(FaultProxyResource.EndpointName, address.AbsoluteUri, IsInternal: false)],
            Properties = Merge(snapshot.Properties,
                (TargetProperty, $"{target} ({resource.Target.Url})"),
                (ProfileProperty, controller.Enabled ? controller.ProfileName : controller.ProfileName + " (off)"),
                (FaultsProperty, faults.Length == 0 ? "none" : faults),
                (InjectedProperty, counters.InjectedTotal.ToString(CultureInfo.InvariantCulture)),
                (ForwardedProperty, counters.Forwarded.ToString(CultureInfo.InvariantCulture))),
        };
    }

    private static ImmutableArray<ResourcePropertySnapshot> Merge(ImmutableArray<ResourcePropertySnapshot> properties,
        params (string Name, string Value)[] values)
    {
        var names = values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        return [.. properties.Where(p => !names.Contains(p.Name)), .. values.Select(v => new ResourcePropertySnapshot(v.Name, v.Value))];
    }
}
