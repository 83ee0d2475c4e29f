using System.Net;
using FaultLab.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests;

public sealed class LiveFaultProfileTests
{
    [Fact]
    public async Task An_override_replaces_every_clients_configured_profile_until_reset()
    {
        var upstream = new Upstream();
        var services = new ServiceCollection().AddLiveFaultProfile();
        services.AddHttpClient("orders", c => c.BaseAddress = new Uri("http://orders.internal"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream)
            .AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        var live = provider.GetRequiredService<LiveFaultProfile>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client));
        var throttled = new FaultInjectionOptions();
        new FaultInjectionBuilder(throttled).AddStatus(HttpStatusCode.TooManyRequests);
        live.Set(throttled);
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(client));
        live.Set(new FaultInjectionOptions { Enabled = false });
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        live.Reset();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client));
        Assert.Equal(1, upstream.Calls);
        Assert.Equal(3, live.Version);
    }

    [Fact]
    public async Task A_configuration_reload_during_an_override_takes_effect_at_reset()
    {
        var upstream = new Upstream();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaultLab:Faults:0:Kind"] = "Status",
            ["FaultLab:Faults:0:StatusCode"] = "503",
        }).Build();
        var services = new ServiceCollection().AddLiveFaultProfile();
        services.AddHttpClient("orders", c => c.BaseAddress = new Uri("http://orders.internal"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream)
            .AddFaultInjection(configuration.GetSection("FaultLab"));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        var live = provider.GetRequiredService<LiveFaultProfile>();

        live.Set(new FaultInjectionOptions());
        configuration["FaultLab:Faults:0:StatusCode"] = "502";
        configuration.Reload();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client)); // the override stays in force
        live.Reset();
        Assert.Equal(HttpStatusCode.BadGateway, await StatusAsync(client));
    }

    [Fact]
    public async Task Without_a_host_the_handler_follows_the_live_profile_and_an_invalid_one_is_refused_with_its_path()
    {
        var baseline = new FaultInjectionOptions();
        new FaultInjectionBuilder(baseline).AddStatus(HttpStatusCode.ServiceUnavailable);
        var live = new LiveFaultProfile(baseline);
        using var client = new HttpClient(FaultInjection.CreateHandler(live, new Upstream())) { BaseAddress = new Uri("http://orders.internal") };

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client));
        var invalid = new FaultInjectionOptions();
        new FaultInjectionBuilder(invalid).AddStatus(HttpStatusCode.OK);
        var error = Assert.Throws<ArgumentException>(() => live.Set(invalid));
        Assert.Contains("StatusCode: must be an error status from 400 to 599 (was 200).", error.Message);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client));
        live.Set(new FaultInjectionOptions());
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        live.Reset();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client));
    }

    [Fact]
    public void Each_set_and_reset_bumps_the_version_and_raises_Changed_and_an_invalid_profile_changes_nothing()
    {
        var live = new LiveFaultProfile();
        int changes = 0;
        live.Changed += (sender, _) => { Assert.Same(live, sender); changes++; };
        var profile = new FaultInjectionOptions();
        var invalid = new FaultInjectionOptions();
        invalid.Faults.Add(new HangFault { InjectionRate = 2 });

        Assert.Equal(0, live.Version);
        Assert.Null(live.Baseline);
        live.Set(profile);
        Assert.Same(profile, live.Override);
        Assert.Equal(1, live.Version);
        var error = Assert.Throws<ArgumentException>(() => live.Set(invalid));
        Assert.Equal("profile", error.ParamName);
        Assert.Equal("Invalid fault profile: Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 2). (Parameter 'profile')", error.Message);
        Assert.Same(profile, live.Override);
        Assert.Equal(1, live.Version);
        live.Reset();
        Assert.Null(live.Override);
        Assert.Equal(2, live.Version);
        Assert.Equal(2, changes);
        Assert.Equal("baseline", Assert.Throws<ArgumentException>(() => new LiveFaultProfile(invalid)).ParamName);
    }

    [Fact]
    public void An_invalid_profile_is_refused_with_every_problem_in_one_message()
    {
        var live = new LiveFaultProfile();
        var invalid = new FaultInjectionOptions();
        invalid.Faults.Add(new HangFault { InjectionRate = 2 });
        invalid.Faults.Add(new StatusFault { StatusCode = 200 });

        var error = Assert.Throws<ArgumentException>(() => live.Set(invalid));

        Assert.Equal("Invalid fault profile: Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 2). " +
            "Faults:1:StatusCode: must be an error status from 400 to 599 (was 200). (Parameter 'profile')", error.Message);
    }

    [Fact]
    public async Task A_handler_following_a_live_profile_waits_on_the_clock_it_was_given()
    {
        var clock = Clock.New();
        var baseline = new FaultInjectionOptions();
        new FaultInjectionBuilder(baseline).AddLatency(TimeSpan.FromMinutes(10));
        using var client = new HttpClient(FaultInjection.CreateHandler(new LiveFaultProfile(baseline), new Upstream(), clock))
        {
            BaseAddress = new Uri("http://orders.internal"),
        };

        var pending = StatusAsync(client);
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.False(pending.IsCompleted, "the delay runs on the given fake clock, not on real time");
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(HttpStatusCode.OK, await pending.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/orders");
        return response.StatusCode;
    }
}
