using System.Net;
using FaultLab.Control;

namespace FaultLab.Proxy.Tests;

/// <summary>The name the proxy's starting profile goes by (<see cref="FaultProxyOptions.ProfileName"/>): the
/// controller's at the start, over the control API, and again after a reset.</summary>
public sealed class ProfileNameTests
{
    [Fact]
    public async Task A_reset_returns_to_the_starting_profiles_own_name_over_the_control_API()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Profile = StatusProfile(HttpStatusCode.ServiceUnavailable),
            ProfileName = "orders-flaky",
            ControlPort = 0,
        });
        using var http = new HttpClient { BaseAddress = proxy.ControlAddress };
        var control = new FaultControlClient(http);
        Assert.Equal("orders-flaky", (string?)(await control.GetStateAsync())["profile"]);

        proxy.Controller.SwitchProfile("outage", StatusProfile(HttpStatusCode.BadGateway));
        Assert.Equal("outage", (string?)(await control.GetStateAsync())["profile"]);
        await control.ResetAsync();

        Assert.Equal("orders-flaky", proxy.Controller.ProfileName);
        Assert.Equal("orders-flaky", (string?)(await control.GetStateAsync())["profile"]);
        using var client = new HttpClient { BaseAddress = proxy.Address };
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/items")).StatusCode); // the starting profile's faults, too
    }

    [Fact]
    public async Task Without_a_name_the_starting_profile_is_called_profile_before_and_after_a_reset()
    {
        await using var proxy = new FaultProxy(new FaultProxyOptions { Upstream = new Uri("http://127.0.0.1:1/") });
        Assert.Equal("profile", proxy.Controller.ProfileName);

        proxy.Controller.Clear();
        Assert.Equal("none", proxy.Controller.ProfileName);
        proxy.Controller.Reset();

        Assert.Equal("profile", proxy.Controller.ProfileName);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void An_empty_profile_name_is_refused_naming_the_setting(string? name)
    {
        var options = new FaultProxyOptions { Upstream = new Uri("http://127.0.0.1:1/"), ProfileName = name! };

        Assert.Equal([$"ProfileName: must not be empty (was '{name}')."], options.Validate());
    }

    private static FaultInjectionOptions StatusProfile(HttpStatusCode status) =>
        new() { Faults = { new StatusFault { StatusCode = (int)status } } };
}
