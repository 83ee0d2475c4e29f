using System.Net;
using FaultLab;
using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http.CSharp;
using Microsoft.Extensions.DependencyInjection;

public static class ChaosLoadTest
{
    public static (int Requests, int Injected503) Run(string baseUrl)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("shop", c => c.BaseAddress = new Uri(baseUrl))
            .AddFaultInjection(faults => faults
                .WithSeed(42)
                .AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.10));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("shop");

        var scenario = Scenario.Create("shop", async context =>
            await Http.Send(client, Http.CreateRequest("GET", "/orders")))
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(rate: 50, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(2)));

        var stats = NBomberRunner.RegisterScenarios(scenario).WithoutReports().Run().ScenarioStats.Get("shop");
        return (stats.AllRequestCount, stats.Fail.StatusCodes.Find("503")?.Count ?? 0);
    }
}
