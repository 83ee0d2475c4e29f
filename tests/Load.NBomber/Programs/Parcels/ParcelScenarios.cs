using System.Text;
using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http.CSharp;

namespace Parcels.LoadTest;

// The parcel API's three calls, each with a three-second warm-up before its measured load.
public static class ParcelScenarios
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static ScenarioProps ListParcels(HttpClient http) =>
        Scenario.Create("list_parcels", async context =>
            await Http.Send(http, Http.CreateRequest("GET", LocalSite.Url + "/parcels")))
        .WithWarmUpDuration(WarmUp)
        .WithLoadSimulations(
            Simulation.RampingInject(rate: 60, interval: Second, during: TimeSpan.FromSeconds(8)), // the morning ramp
            Simulation.Inject(rate: 120, interval: Second, during: TimeSpan.FromSeconds(4)));      // the lunchtime peak

    public static ScenarioProps TrackParcel(HttpClient http) =>
        Scenario.Create("track_parcel", async context =>
            await Http.Send(http, Http.CreateRequest("GET", LocalSite.Url + "/parcels/PX-1001")))
        .WithWarmUpDuration(WarmUp)
        .WithLoadSimulations(Simulation.Inject(rate: 80, interval: Second, during: TimeSpan.FromSeconds(6)));

    public static ScenarioProps RegisterParcel(HttpClient http) =>
        Scenario.Create("register_parcel", async context =>
        {
            var parcel = """{ "sender": "Ada", "destination": "Oslo", "weightKg": 2.5 }""";
            var request = Http.CreateRequest("POST", LocalSite.Url + "/parcels")
                .WithHeader("Accept", "application/json")
                .WithBody(new StringContent(parcel, Encoding.UTF8, "application/json"));
            return await Http.Send(http, request);
        })
        .WithWarmUpDuration(WarmUp)
        .WithLoadSimulations(Simulation.RampingInject(rate: 16, interval: Second, during: TimeSpan.FromSeconds(8)));
}
