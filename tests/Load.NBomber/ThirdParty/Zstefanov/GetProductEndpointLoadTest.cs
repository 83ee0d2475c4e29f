// Copied from Zstefanov/AE-Automation-.NET-NBomber PerformanceTests/GetProductEndpointLoadTest.cs (commit 0fd045d);
// only the using lines changed, and the target URL points at the local Kestrel (LocalSite).
using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.CSharp;

namespace AE_extensive_project.PerformanceTests.PerformanceTests
{
    public class GetProductEndpointLoadTest
    {
        public static ScenarioProps CreateScenario()
        {
            var baseUrl = LocalSite.Url;

            return Scenario.Create("critical_products_list", async context =>
            {
                using var client = new HttpClient();
                var response = await client.GetAsync($"{baseUrl}/products");
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine("Fetched products list successfully.");
                    return Response.Ok();
                }
                else
                {
                    var body = await response.Content.ReadAsStringAsync();
                    Console.WriteLine($"Failed to fetch products. Status: {response.StatusCode}, Body: {body}");
                    return Response.Fail(message: $"Failed to fetch products. Status: {response.StatusCode}, Body: {body}");
                }
            })
            .WithWarmUpDuration(TimeSpan.FromSeconds(5))
            .WithLoadSimulations(// 5 users, 20 seconds
                Simulation.KeepConstant(5, TimeSpan.FromSeconds(20)) 
            );
        }
    }
}
