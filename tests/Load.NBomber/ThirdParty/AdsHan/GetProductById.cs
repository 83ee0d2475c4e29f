// Copied from AdsHan/dotnet-nbomber-load-testing src/LoadTesting.ConsoleApp/Scenarios/GetProductById.cs (commit 684b889);
// only the using lines changed, and the target URL points at the local Kestrel (LocalSite).
using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http.CSharp;


namespace LoadTesting.ConsoleApp.Scenarios
{
    internal class GetProductById
    {
        public static ScenarioProps CreateScenario(HttpClient httpClient)
        {
            return Scenario.Create("GetProductById", async context =>
            {
                var request = Http.CreateRequest("GET", LocalSite.Url + "/api/products/1");

                var response = await Http.Send(httpClient, request);
                return response;
            })
            .WithLoadSimulations(
                Simulation.Inject(rate: 200, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(5))
            )
            .WithWarmUpDuration(TimeSpan.FromSeconds(5));
        }
    }
}
