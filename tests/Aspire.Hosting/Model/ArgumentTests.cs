using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>Bad arguments fail where they are written, in the app host's code, with messages that name the setting.</summary>
public sealed class ArgumentTests
{
    private static FaultInjectionOptions Invalid() => AppModel.Profile(new StatusFault { StatusCode = 200, InjectionRate = 2 });

    [Fact]
    public void WithFaultProxy_refuses_an_invalid_profile_naming_each_setting_and_adds_nothing()
    {
        var builder = AppModel.CreateBuilder();
        var orders = builder.AddService("orders");

        var error = Assert.Throws<ArgumentException>(() => orders.WithFaultProxy(Invalid()));

        Assert.Equal("profile", error.ParamName);
        Assert.Equal("Invalid fault profile: Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 2). "
            + "Faults:0:StatusCode: must be an error status from 400 to 599 (was 200). (Parameter 'profile')", error.Message);
        Assert.Empty(builder.Resources.OfType<FaultProxyResource>());
    }

    [Fact]
    public void WithFaultProxy_refuses_null_arguments_and_an_empty_profile_name()
    {
        var builder = AppModel.CreateBuilder();
        var orders = builder.AddService("orders");

        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => ((IResourceBuilder<ExecutableResource>)null!).WithFaultProxy(AppModel.Profile())).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => orders.WithFaultProxy(null!)).ParamName);
        Assert.Equal("profileName", Assert.Throws<ArgumentException>(() => orders.WithFaultProxy(AppModel.Profile(), profileName: "")).ParamName);
        Assert.Empty(builder.Resources.OfType<FaultProxyResource>());
    }

    [Fact]
    public void WithFaultProfile_refuses_an_invalid_profile_and_a_taken_name_and_adds_no_command()
    {
        var builder = AppModel.CreateBuilder();
        var chaos = builder.AddService("orders").WithFaultProxy(AppModel.Profile(), profileName: "flaky")
            .WithFaultProfile("outage", AppModel.Profile(new ConnectionRefusedFault()));
        int commands = chaos.Resource.Annotations.OfType<ResourceCommandAnnotation>().Count();

        var invalid = Assert.Throws<ArgumentException>(() => chaos.WithFaultProfile("slow", Invalid()));
        var taken = Assert.Throws<ArgumentException>(() => chaos.WithFaultProfile("outage", AppModel.Profile()));
        var starting = Assert.Throws<ArgumentException>(() => chaos.WithFaultProfile("flaky", AppModel.Profile()));

        Assert.Equal("Invalid fault profile: Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 2). "
            + "Faults:0:StatusCode: must be an error status from 400 to 599 (was 200). (Parameter 'profile')", invalid.Message);
        Assert.Equal("The fault proxy 'orders-chaos' already has a profile named 'outage'. (Parameter 'name')", taken.Message);
        Assert.Equal("The fault proxy 'orders-chaos' already has a profile named 'flaky'. (Parameter 'name')", starting.Message);
        Assert.Equal(["flaky", "outage"], chaos.Resource.Profiles.Select(p => p.Name));
        Assert.Equal(commands, chaos.Resource.Annotations.OfType<ResourceCommandAnnotation>().Count());
    }

    [Fact]
    public void WithFaultProfile_names_are_case_sensitive()
    {
        var builder = AppModel.CreateBuilder();
        var chaos = builder.AddService("orders").WithFaultProxy(AppModel.Profile(), profileName: "outage");

        chaos.WithFaultProfile("Outage", AppModel.Profile());

        Assert.Equal(["outage", "Outage"], chaos.Resource.Profiles.Select(p => p.Name));
    }

    [Fact]
    public void WithFaultProfile_refuses_null_arguments_and_an_empty_name()
    {
        var builder = AppModel.CreateBuilder();
        var chaos = builder.AddService("orders").WithFaultProxy(AppModel.Profile());

        Assert.Equal("chaos", Assert.Throws<ArgumentNullException>(() => ((IResourceBuilder<FaultProxyResource>)null!).WithFaultProfile("x", AppModel.Profile())).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => chaos.WithFaultProfile(null!, AppModel.Profile())).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => chaos.WithFaultProfile("", AppModel.Profile())).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => chaos.WithFaultProfile("x", null!)).ParamName);
        Assert.Single(chaos.Resource.Profiles);
    }

    [Fact]
    public void The_resource_constructor_refuses_null_arguments_and_an_empty_profile_name()
    {
        var target = AppModel.CreateBuilder().AddService("orders").GetEndpoint("http");

        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => new FaultProxyResource("c", null!, "p", AppModel.Profile())).ParamName);
        Assert.Equal("profileName", Assert.Throws<ArgumentException>(() => new FaultProxyResource("c", target, "", AppModel.Profile())).ParamName);
        Assert.Equal("profileName", Assert.Throws<ArgumentNullException>(() => new FaultProxyResource("c", target, null!, AppModel.Profile())).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => new FaultProxyResource("c", target, "p", null!)).ParamName);
        var resource = new FaultProxyResource("c", target, "p", AppModel.Profile());
        Assert.Equal("c", resource.Name);
        Assert.Same(target, resource.Target);
    }
}
