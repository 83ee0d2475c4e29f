using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http;
using FaultLab.Load.NBomber.Http.CSharp;
using FaultLab.Load.NBomber.Plugins.Network.Ping;

namespace Programs.Web;

// HTTP load that ramps up, holds and ramps down, with NBomber's ping and HTTP-metrics worker plugins registered.
public static class ParcelTrackingWithPlugins
{
    public static void Run()
    {
        using var http = new HttpClient();

        var tracking = Scenario.Create("tracking_page", async context =>
        {
            var request = Http.CreateRequest("GET", LocalSite.Url + "/tracking")
                .WithHeader("Accept", "application/json");
            return await Http.Send(http, request);
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.RampingInject(rate: 25, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(30)),
            Simulation.Inject(rate: 25, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(30)),
            Simulation.RampingInject(rate: 0, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(30)));

        NBomberRunner.RegisterScenarios(tracking)
            .WithWorkerPlugins(
                new PingPlugin(PingPluginConfig.CreateDefault("127.0.0.1")),
                new HttpMetricsPlugin(new[] { HttpVersion.Version1 }))
            .Run();
    }
}
