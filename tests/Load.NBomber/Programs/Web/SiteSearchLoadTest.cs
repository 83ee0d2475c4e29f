using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http.CSharp;
using Xunit;

namespace Programs.Web;

// A load test as an xUnit test: the search page must stay within its error budget, judged by thresholds.
public class SiteSearchLoadTest
{
    private static readonly HttpClient Client = new();

    [Fact]
    public void Search_stays_within_its_error_budget()
    {
        var search = Scenario.Create("site_search", async context =>
        {
            await Step.Run("query", context, async () =>
                await Http.Send(Client, Http.CreateRequest("GET", LocalSite.Url + "/search").WithHeader("Accept", "text/html")));
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.Inject(rate: 2, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(25)))
        .WithThresholds(
            Threshold.Create(scenario => scenario.Fail.Request.Percent < 5),
            Threshold.Create("query", step => step.Fail.Request.Percent < 5),
            // The site has one retired link that must still answer 404; checked while the test runs, from second 8 on,
            // and the test stops after three failed checks.
            Threshold.Create(scenario => scenario.Fail.StatusCodes.Exists("404"), abortWhenErrorCount: 3, startCheckAfter: TimeSpan.FromSeconds(8)),
            Threshold.Create(scenario => scenario.Ok.StatusCodes.Find("200")?.Percent >= 90));

        var result = NBomberRunner.RegisterScenarios(search).Run();

        var stats = result.ScenarioStats.Get("site_search");
        Assert.Equal(50, stats.AllRequestCount);                     // 2 a second for 25 s
        Assert.Equal(1, stats.Fail.StatusCodes.Get("404").Count);    // the retired link
        Assert.Equal(49, stats.Ok.StatusCodes.Get("200").Count);
        Assert.Equal(4, result.Thresholds.Length);
        Assert.DoesNotContain(result.Thresholds, threshold => threshold.IsFailed);
    }
}
