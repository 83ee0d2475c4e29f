using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http.CSharp;
using Microsoft.Extensions.Configuration;

namespace Forecast.LoadTest;

// A weather API's read path, 75 requests a second for three minutes as written; the config file passed in decides
// where it points, which scenarios run and (for a smoke run) how long.
public static class ForecastLoadTest
{
    public static NodeStats Run(string configPath) =>
        NBomberRunner
            .RegisterScenarios(ForecastReads(), StationUploads())
            .LoadConfig(configPath)
            .Run();

    public static ScenarioProps ForecastReads()
    {
        var settings = new ForecastSettings();
        var http = new HttpClient();

        return Scenario.Create("forecast_reads", async context =>
        {
            await Step.Run("city_forecast", context, async () =>
                await Http.Send(http, Http.CreateRequest("GET", $"/forecast/{settings.City}").WithHeader("Accept", "application/json")));

            await Step.Run("station_readings", context, async () =>
                await Http.Send(http, Http.CreateRequest("GET", $"/stations/{settings.StationId}").WithHeader("Accept", "application/json")));

            await Step.Run("weather_alerts", context, async () =>
                await Http.Send(http, Http.CreateRequest("GET", "/alerts").WithHeader("Accept", "application/json")));

            return Response.Ok();
        })
        .WithInit(context =>
        {
            settings = context.CustomSettings.Get<ForecastSettings>() ?? settings;
            http.BaseAddress = new Uri(settings.ApiUrl);
            return Task.CompletedTask;
        })
        .WithClean(context =>
        {
            http.Dispose();
            return Task.CompletedTask;
        })
        .WithoutWarmUp()
        .WithWarmUpDuration(TimeSpan.FromSeconds(15))
        .WithLoadSimulations(Simulation.Inject(rate: 75, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromMinutes(3)));
    }

    // The write path: registered, but only run when the config's TargetScenarios names it.
    public static ScenarioProps StationUploads() =>
        Scenario.Create("station_uploads", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            return Response.Ok(statusCode: "202");
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.KeepConstant(copies: 3, during: TimeSpan.FromMinutes(3)));
}
