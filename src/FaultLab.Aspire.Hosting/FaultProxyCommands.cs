using Aspire.Hosting.ApplicationModel;
using FaultLab;
using FaultLab.Control;

namespace Aspire.Hosting;

/// <summary>The dashboard commands of a fault proxy; each goes through the proxy's <see cref="FaultController"/>.</summary>
public static class FaultProxyCommands
{
    /// <summary>The command that turns every fault off (requests pass through).</summary>
    public const string FaultsOff = "faultlab-faults-off";

    /// <summary>The command that turns the faults back on.</summary>
    public const string FaultsOn = "faultlab-faults-on";

    /// <summary>The command that clears everything: the profile's faults and any added or leased ones.</summary>
    public const string Clear = "faultlab-clear";

    /// <summary>The prefix of the commands that switch profile: <c>faultlab-profile-{name}</c>.</summary>
    public const string ProfilePrefix = "faultlab-profile-";

    internal static void Add(IResourceBuilder<FaultProxyResource> chaos)
    {
        var resource = chaos.Resource;
        chaos.WithCommand(FaultsOff, "Faults off", _ => Run(resource, c => c.SetEnabled(false), "Faults off: requests pass through."),
            new CommandOptions
            {
                Description = "Stop injecting faults; requests pass through untouched.",
                IconName = "PlugDisconnected",
                IsHighlighted = true,
                UpdateState = _ => State(resource, c => c.Enabled),
            });
        chaos.WithCommand(FaultsOn, "Faults on", _ => Run(resource, c => c.SetEnabled(true), "Faults on."),
            new CommandOptions
            {
                Description = "Inject the profile's faults again.",
                IconName = "Flash",
                IsHighlighted = true,
                UpdateState = _ => State(resource, c => !c.Enabled),
            });
        chaos.WithCommand(Clear, "Clear all faults", _ => Run(resource, c => c.Clear(), "Every fault removed."),
            new CommandOptions
            {
                Description = "Remove the profile's faults and every added or leased one.",
                IconName = "Delete",
                ConfirmationMessage = $"Remove every fault from '{resource.Name}'?",
                UpdateState = _ => State(resource, c => c.Faults.Count > 0),
            });
        AddProfileCommand(chaos, resource.Profiles[0].Name, resource.Profiles[0].Profile);
    }

    internal static void AddProfileCommand(IResourceBuilder<FaultProxyResource> chaos, string name, FaultInjectionOptions profile)
    {
        var resource = chaos.Resource;
        chaos.WithCommand(ProfilePrefix + name, $"Profile: {name}",
            _ => Run(resource, c => c.SwitchProfile(name, profile), $"Profile '{name}' in force ({profile.Faults.Count} faults)."),
            new CommandOptions
            {
                Description = $"Switch to the fault profile '{name}' ({profile.Faults.Count} faults).",
                IconName = "ArrowSwap",
                UpdateState = _ => State(resource, c => c.ProfileName != name),
            });
    }

    private static ResourceCommandState State(FaultProxyResource resource, Func<FaultController, bool> enabled) =>
        resource.Proxy is { } proxy && enabled(proxy.Controller) ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    private static Task<ExecuteCommandResult> Run(FaultProxyResource resource, Action<FaultController> change, string message)
    {
        if (resource.Proxy is not { } proxy)
        {
            return Task.FromResult(CommandResults.Failure($"The fault proxy '{resource.Name}' is not running."));
        }

        try
        {
            change(proxy.Controller); // the controller's Changed event republishes the resource's state
        }
        catch (ArgumentException ex)
        {
            // Refused, and undone by the controller: a profile whose fault names one already in force (added through the
            // control API). The dashboard shows why instead of an unhandled exception.
            return Task.FromResult(CommandResults.Failure(ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal)));
        }

        return Task.FromResult(CommandResults.Success(message));
    }
}
