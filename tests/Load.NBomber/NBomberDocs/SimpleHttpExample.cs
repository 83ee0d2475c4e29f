// Copied from PragmaticFlow/NBomber examples/Demo/HTTP/SimpleHttpExample.cs (commit 91241c00); only the using lines changed; the target URL points at the local Kestrel (LocalSite).
using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http;
using FaultLab.Load.NBomber.Http.CSharp;
using FaultLab.Load.NBomber.Plugins.Network.Ping;
using System.Text;

namespace Demo.HTTP;

public class SimpleHttpExample
{
    public void Run()
    {
        using var httpClient = new HttpClient();

        var scenario = Scenario.Create("http_scenario", async context =>
            {
                var request =
                    Http.CreateRequest("GET", LocalSite.Url)
                        .WithHeader("Content-Type", "application/json");
                     // .WithBody(new StringContent("{ some JSON }", Encoding.UTF8, "application/json"));

                var response = await Http.Send(httpClient, request);

                return response;
            })
            .WithoutWarmUp()
            .WithLoadSimulations(
                Simulation.RampingInject(rate: 50, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromMinutes(1)),
                Simulation.Inject(rate: 50, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromMinutes(1)),
                Simulation.RampingInject(rate: 0, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromMinutes(1))
            );

        NBomberRunner
            .RegisterScenarios(scenario)
            .WithWorkerPlugins(
                new PingPlugin(PingPluginConfig.CreateDefault("nbomber.com")),
                new HttpMetricsPlugin(new [] { HttpVersion.Version1 })
            )
            .Run();
    }
}
