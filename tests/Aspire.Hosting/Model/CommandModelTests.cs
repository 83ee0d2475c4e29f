using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>The dashboard commands as the model declares them, and what they do while no proxy runs.</summary>
public sealed class CommandModelTests
{
    [Fact]
    public void The_proxy_has_the_three_switches_then_one_command_per_profile_in_order()
    {
        var builder = AppModel.CreateBuilder();
        var chaos = builder.AddService("orders").WithFaultProxy(AppModel.Profile(), profileName: "flaky")
            .WithFaultProfile("outage", AppModel.Profile(new ConnectionRefusedFault()));

        Assert.Equal(["faultlab-faults-off", "faultlab-faults-on", "faultlab-clear", "faultlab-profile-flaky", "faultlab-profile-outage"],
            chaos.Resource.Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name));
        Assert.Equal(FaultProxyCommands.FaultsOff, "faultlab-faults-off");
        Assert.Equal(FaultProxyCommands.FaultsOn, "faultlab-faults-on");
        Assert.Equal(FaultProxyCommands.Clear, "faultlab-clear");
        Assert.Equal(FaultProxyCommands.ProfilePrefix, "faultlab-profile-");
    }

    [Fact]
    public void Each_command_has_its_text_icon_and_prominence()
    {
        var builder = AppModel.CreateBuilder();
        var resource = builder.AddService("orders").WithFaultProxy(AppModel.Profile(new StatusFault(), new LatencyFault { Delay = TimeSpan.FromSeconds(1) }), profileName: "flaky")
            .WithFaultProfile("outage", AppModel.Profile(new ConnectionRefusedFault())).Resource;

        var off = resource.Command(FaultProxyCommands.FaultsOff);
        Assert.Equal(("Faults off", "Stop injecting faults; requests pass through untouched.", "PlugDisconnected", true, null),
            (off.DisplayName, off.DisplayDescription, off.IconName, off.IsHighlighted, off.ConfirmationMessage));
        var on = resource.Command(FaultProxyCommands.FaultsOn);
        Assert.Equal(("Faults on", "Inject the profile's faults again.", "Flash", true, null),
            (on.DisplayName, on.DisplayDescription, on.IconName, on.IsHighlighted, on.ConfirmationMessage));
        var clear = resource.Command(FaultProxyCommands.Clear);
        Assert.Equal(("Clear all faults", "Remove the profile's faults and every added or leased one.", "Delete", false, "Remove every fault from 'orders-chaos'?"),
            (clear.DisplayName, clear.DisplayDescription, clear.IconName, clear.IsHighlighted, clear.ConfirmationMessage));
        var flaky = resource.Command("faultlab-profile-flaky");
        Assert.Equal(("Profile: flaky", "Switch to the fault profile 'flaky' (2 faults).", "ArrowSwap", false, null),
            (flaky.DisplayName, flaky.DisplayDescription, flaky.IconName, flaky.IsHighlighted, flaky.ConfirmationMessage));
        var outage = resource.Command("faultlab-profile-outage");
        Assert.Equal(("Profile: outage", "Switch to the fault profile 'outage' (1 faults).", "ArrowSwap", false, null),
            (outage.DisplayName, outage.DisplayDescription, outage.IconName, outage.IsHighlighted, outage.ConfirmationMessage));
    }

    public static TheoryData<string> Commands() =>
        ["faultlab-faults-off", "faultlab-faults-on", "faultlab-clear", "faultlab-profile-flaky", "faultlab-profile-outage"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Before_the_proxy_runs_every_command_is_disabled_and_fails_saying_so(string command)
    {
        var builder = AppModel.CreateBuilder();
        var resource = builder.AddService("orders").WithFaultProxy(AppModel.Profile(new StatusFault()), profileName: "flaky")
            .WithFaultProfile("outage", AppModel.Profile(new ConnectionRefusedFault())).Resource;
        await using var app = builder.Build();

        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command);

        Assert.Equal(ResourceCommandState.Disabled, app.StateOf(resource, command));
        Assert.False(result.Success);
        Assert.Equal("The fault proxy 'orders-chaos' is not running.", result.Message);
        Assert.Null(resource.Proxy);
    }
}
