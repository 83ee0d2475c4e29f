using System.Collections.Immutable;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using FaultLab.Control;

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

    /// <summary>"Faults on orders" while faults are on, "No faults on orders" while they are off or there are none (plain
    /// words: the dashboard humanizes state text and drops punctuation).</summary>
    public static ResourceStateSnapshot Text(FaultController controller, string target) =>
        controller.Enabled && controller.Faults.Count > 0
            ? new ResourceStateSnapshot($"Faults on {target}", KnownResourceStateStyles.Warn)
            : new ResourceStateSnapshot($"No faults on {target}", KnownResourceStateStyles.Success);

    public static CustomResourceSnapshot Running(CustomResourceSnapshot snapshot, FaultProxyResource resource, Uri address)
    {
        var controller = resource.Proxy!.Controller;
        var counters = controller.GetCounters();
        string target = resource.Target.Resource.Name;
        string faults = string.Join(", ", controller.Faults.Select(f => f.Fault.Name ?? f.Fault.Kind));
        return snapshot with
        {
            State = Text(controller, target),
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
