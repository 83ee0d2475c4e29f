using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http.CSharp;

public static class CheckoutLoadTest
{
    public static bool Run(HttpClient httpClient, string baseUrl)
    {
        var scenario = Scenario.Create("checkout", async context =>
        {
            var login = await Step.Run("login", context, async () =>
                await Http.Send(httpClient, Http.CreateRequest("GET", baseUrl + "/")));

            var order = await Step.Run("order", context, async () =>
                await Http.Send(httpClient, Http.CreateRequest("GET", baseUrl + "/orders")));

            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.Inject(rate: 20, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(2)))
        .WithThresholds(Threshold.Create(stats => stats.Fail.Request.Percent < 1));

        var result = NBomberRunner.RegisterScenarios(scenario).WithoutReports().Run();

        return result.Thresholds.All(t => !t.IsFailed)
            && result.ScenarioStats.Get("checkout").StepStats.Get("order").Ok.Request.Count == 40;
    }
}
