using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>The resource <c>WithFaultProxy</c> adds to the model, before anything starts.</summary>
public sealed class WithFaultProxyModelTests
{
    [Fact]
    public void Adds_a_resource_named_after_the_target_with_the_starting_profile()
    {
        var builder = AppModel.CreateBuilder();
        var orders = builder.AddService("orders");
        var profile = AppModel.Profile(new StatusFault { Name = "orders-503" });

        var chaos = orders.WithFaultProxy(profile, profileName: "flaky");

        var resource = Assert.Single(builder.Resources.OfType<FaultProxyResource>());
        Assert.Same(resource, chaos.Resource);
        Assert.Equal("orders-chaos", resource.Name);
        Assert.Same(orders.Resource, resource.Target.Resource);
        Assert.Equal("http", resource.Target.EndpointName);
        var (name, starting) = Assert.Single(resource.Profiles);
        Assert.Equal("flaky", name);
        Assert.Same(profile, starting);
        Assert.Null(resource.Proxy);
        Assert.Same(resource, resource.Endpoint.Resource);
        Assert.Equal("http", resource.Endpoint.EndpointName);
    }

    [Fact]
    public void The_profile_is_called_default_and_the_target_endpoint_http_unless_named()
    {
        var builder = AppModel.CreateBuilder();
        var orders = builder.AddService("orders").WithHttpEndpoint(name: "admin");

        var byDefault = orders.WithFaultProxy(AppModel.Profile()).Resource;
        var admin = builder.AddService("stock").WithHttpEndpoint(name: "admin").WithFaultProxy(AppModel.Profile(), endpointName: "admin").Resource;

        Assert.Equal("default", byDefault.Profiles[0].Name);
        Assert.Equal("http", byDefault.Target.EndpointName);
        Assert.Equal("admin", admin.Target.EndpointName);
        Assert.Equal("stock-chaos", admin.Name);
    }

    [Fact]
    public void Has_one_http_endpoint_not_behind_the_orchestrator_proxy_and_a_chaos_for_relationship()
    {
        var builder = AppModel.CreateBuilder();
        var orders = builder.AddService("orders");

        var resource = orders.WithFaultProxy(AppModel.Profile()).Resource;

        var endpoint = Assert.Single(resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal("http", endpoint.Name);
        Assert.Equal("http", endpoint.UriScheme);
        Assert.Equal(ProtocolType.Tcp, endpoint.Protocol);
        Assert.False(endpoint.IsProxied);
        Assert.Null(endpoint.Port);
        Assert.Null(endpoint.AllocatedEndpoint);
        var relationship = Assert.Single(resource.Annotations.OfType<ResourceRelationshipAnnotation>());
        Assert.Same(orders.Resource, relationship.Resource);
        Assert.Equal("Chaos for", relationship.Type);
        Assert.Empty(resource.Annotations.OfType<WaitAnnotation>());
    }

    [Fact]
    public void Starts_in_the_dashboard_as_a_waiting_FaultLab_proxy_naming_its_target()
    {
        var builder = AppModel.CreateBuilder();

        var resource = builder.AddService("orders").WithFaultProxy(AppModel.Profile()).Resource;

        var initial = Assert.Single(resource.Annotations.OfType<ResourceSnapshotAnnotation>()).InitialSnapshot;
        Assert.Equal("FaultLab proxy", initial.ResourceType);
        Assert.Equal(KnownResourceStates.Waiting, initial.State?.Text);
        Assert.Equal(KnownResourceStateStyles.Info, initial.State?.Style);
        var property = Assert.Single(initial.Properties);
        Assert.Equal("faultlab.target", property.Name);
        Assert.Equal("orders", property.Value);
    }

    [Fact]
    public async Task Before_start_the_endpoint_gets_a_free_loopback_port_and_a_referencing_resource_its_url_under_the_given_name()
    {
        var builder = AppModel.CreateBuilder();
        var chaos = builder.AddService("orders").WithFaultProxy(AppModel.Profile());
        var web = builder.AddService("web").WithReference(chaos, "orders");
        await using var app = builder.Build();

        await app.BeforeStartAsync();

        var allocated = chaos.Resource.Endpoint("http").AllocatedEndpoint;
        Assert.NotNull(allocated);
        Assert.Equal("127.0.0.1", allocated.Address);
        Assert.InRange(allocated.Port, 1, 65535);
        Assert.Equal(EndpointBindingMode.SingleAddress, allocated.BindingMode);
        Assert.Equal($"http://127.0.0.1:{allocated.Port}", chaos.Resource.Endpoint.Url);
        using (var probe = new TcpListener(IPAddress.Loopback, allocated.Port))
        {
            probe.Start(); // free: the probe that found it let it go, so the proxy can bind it later
        }

        var environment = await app.EnvironmentAsync(web.Resource);
        Assert.Equal($"http://127.0.0.1:{allocated.Port}", environment["services__orders__http__0"]);
        Assert.Equal($"http://127.0.0.1:{allocated.Port}", environment["orders_HTTP"]);
    }

    [Fact]
    public async Task Two_proxies_get_two_ports_and_share_one_host()
    {
        var builder = AppModel.CreateBuilder();
        var orders = builder.AddService("orders").WithFaultProxy(AppModel.Profile()).Resource;
        var stock = builder.AddService("stock").WithFaultProxy(AppModel.Profile()).Resource;

        Assert.Single(builder.Services, d => d.ServiceType.Name == "FaultProxyHost");
        await using var app = builder.Build();
        await app.BeforeStartAsync();

        Assert.Equal(["orders-chaos", "stock-chaos"], builder.Resources.OfType<FaultProxyResource>().Select(r => r.Name));
        Assert.NotEqual(orders.Endpoint("http").AllocatedEndpoint!.Port, stock.Endpoint("http").AllocatedEndpoint!.Port);
    }
}
