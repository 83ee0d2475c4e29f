using System.Net;
using FaultLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace FaultLab.Tests;

public sealed class AddFaultInjectionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_fault_handler_is_innermost_whatever_the_registration_order_so_the_standard_handler_retries_it(bool faultsFirst)
    {
        var clock = Clock.New();
        var upstream = new Upstream();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        var builder = services.AddHttpClient("api", c => c.BaseAddress = new Uri("http://orders.internal"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream);
        if (faultsFirst)
        {
            builder.AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable)).AddStandardResilienceHandler();
        }
        else
        {
            builder.AddStandardResilienceHandler();
            builder.AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable));
        }

        using var provider = services.BuildServiceProvider();
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        using var response = await clock.Drive(client.SendAsync(request), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, InjectedFault.For(request).Count); // 1 attempt + the standard handler's 3 retries
        Assert.Equal(0, upstream.Calls);
    }

    [Fact]
    public async Task ConfigureHttpClientDefaults_applies_a_profile_to_every_client_and_a_named_profile_overrides_it()
    {
        var upstream = new Upstream();
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => upstream)
            .AddFaultInjection(f => f.AddStatus(HttpStatusCode.BadGateway)));
        services.AddHttpClient("payments").AddFaultInjection(f => f.AddStatus(HttpStatusCode.Conflict));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(HttpStatusCode.BadGateway, (await factory.CreateClient("orders").GetAsync("http://orders.internal/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, (await factory.CreateClient().GetAsync("http://any.internal/")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await factory.CreateClient("payments").GetAsync("http://payments.internal/")).StatusCode);
    }

    [Fact]
    public async Task Clients_without_a_profile_are_untouched()
    {
        var upstream = new Upstream();
        var services = new ServiceCollection();
        services.AddHttpClient("chaos").ConfigurePrimaryHttpMessageHandler(() => upstream).AddFaultInjection(f => f.AddDnsFailure());
        services.AddHttpClient("calm").ConfigurePrimaryHttpMessageHandler(() => upstream);
        using var provider = services.BuildServiceProvider();

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("calm").GetAsync("http://calm.internal/");

        Assert.Same(upstream.LastResponse, response);
    }

    [Theory]
    [InlineData("Production", false, HttpStatusCode.OK)]
    [InlineData("Production", true, HttpStatusCode.ServiceUnavailable)]
    [InlineData("Staging", false, HttpStatusCode.ServiceUnavailable)]
    public async Task Injection_refuses_to_run_in_Production_unless_allowed(string environment, bool allow, HttpStatusCode expected)
    {
        using var clients = Clients.Create(
            f =>
            {
                f.AddStatus(HttpStatusCode.ServiceUnavailable);
                if (allow)
                {
                    f.AllowInProduction();
                }
            },
            services: s => s.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment }));

        using var response = await clients.Client.GetAsync("/a");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Usable_without_DI_as_a_handler()
    {
        var upstream = new Upstream();
        using var client = new HttpClient(FaultInjection.CreateHandler(f => f.AddStatus(HttpStatusCode.TooManyRequests), upstream));

        using var response = await client.GetAsync("http://orders.internal/a");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(0, upstream.Calls);
    }

    [Fact]
    public void An_invalid_profile_without_DI_fails_with_every_problem_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => FaultInjection.CreateHandler(f => f
            .AddStatus(HttpStatusCode.OK, injectionRate: 1.5)));

        Assert.Equal("Invalid fault profile: Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 1.5). "
            + "Faults:0:StatusCode: must be an error status from 400 to 599 (was 200). (Parameter 'configure')", ex.Message);
    }
}
