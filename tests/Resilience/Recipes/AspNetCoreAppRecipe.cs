using System.Net;
using System.Net.Http.Json;
using FaultLab.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 10: faults injected from the test into every outbound client of an ASP.NET Core app; the app's own
/// endpoint keeps answering 200, degraded, while its dependencies fail.</summary>
[Collection(RecipeCollection.Name)]
public sealed class AspNetCoreAppRecipe
{
    [Fact]
    public async Task Endpoint_answers_200_degraded_while_every_dependency_refuses_connections()
    {
        var clock = new TestClock();
        var upstream = new FakeUpstream(clock).MapGet("/summary", "sunny").MapGet("/city", "Lyon");
        using var faults = new InjectedFaultRecorder();
        await using var app = new ForecastAppFactory().WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.UseFakeTimeProvider(clock);
            services.RouteAllHttpClientsTo(upstream);
            services.InjectFaultsIntoAllHttpClients(f => f.AddConnectionRefused());
        }));
        using var browser = app.CreateClient();

        using var response = await clock.RunUntilComplete(browser.GetAsync("/today"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var today = await response.Content.ReadFromJsonAsync<ForecastApp.Today>();
        Assert.Equal(new ForecastApp.Today("unknown", "unavailable", Degraded: true), today);
        Assert.Equal(0, upstream.RequestCount);
        Assert.Equal(4, faults.Faults.Count(f => f.Client == "geo")); // 1 attempt + 3 standard retries, per client
        Assert.Equal(4, faults.Faults.Count(f => f.Client == nameof(ForecastApp.ForecastClient)));
    }

    [Fact]
    public async Task Endpoint_answers_200_with_live_data_when_no_fault_is_injected()
    {
        var clock = new TestClock();
        var upstream = new FakeUpstream(clock).MapGet("/summary", "sunny").MapGet("/city", "Lyon");
        await using var app = new ForecastAppFactory().WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.UseFakeTimeProvider(clock);
            services.RouteAllHttpClientsTo(upstream);
        }));
        using var browser = app.CreateClient();

        using var response = await clock.RunUntilComplete(browser.GetAsync("/today"));

        Assert.Equal(new ForecastApp.Today("Lyon", "sunny", Degraded: false), await response.Content.ReadFromJsonAsync<ForecastApp.Today>());
        Assert.Equal(2, upstream.RequestCount);
    }
}
