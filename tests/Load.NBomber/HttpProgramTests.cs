using FaultLab.Load.NBomber;
using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using FaultLab.Load.NBomber.CSharp;

namespace LoadNBomber.Tests;

/// <summary>
/// The HTTP programs of Programs/ (written in NBomber's documented API; only their using lines are FaultLab's, and
/// their URLs point at the local Kestrel) run as a user runs them, and the tests compare what the statistics and
/// reports claim with what really reached the server.
/// </summary>
public sealed class HttpProgramTests
{
    [Fact]
    public void Parcels_top_level_program_runs_as_written_and_writes_its_four_reports()
    {
        // Three scenarios with warm-ups, ramping and constant injection, a POST with a JSON body, reports to
        // ./reports/parcels in four formats. Only the time is compressed (x 0.2); "{}" leaves its report settings alone.
        using var run = new CompatRun(timeScale: 0.2, extraConfig: "{}");
        var folder = Path.GetFullPath("./reports/parcels");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var listed = LocalSite.HitsOf("/parcels"); // GET and POST share the path; counted together
        var tracked = LocalSite.HitsOf("/parcels/PX-1001");
        var entry = typeof(Parcels.LoadTest.ParcelScenarios).Assembly.EntryPoint!;
        entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);

        var stats = run.Stats;
        var list = stats.ScenarioStats.Get("list_parcels");
        var track = stats.ScenarioStats.Get("track_parcel");
        var register = stats.ScenarioStats.Get("register_parcel");
        Assert.Equal(60 * 8 / 2 + 120 * 4, list.AllRequestCount); // RampingInject 0→60 over 8 intervals, then 120 × 4
        Assert.Equal(80 * 6, track.AllRequestCount);
        Assert.Equal(16 * 8 / 2, register.AllRequestCount);      // RampingInject 0→16 over 8 intervals
        Assert.Equal(0, stats.AllFailCount);
        Assert.Equal(list.AllOkCount, list.Ok.StatusCodes.Get("200").Count);
        Assert.Equal(register.AllOkCount, register.Ok.StatusCodes.Get("201").Count); // the server accepted the JSON body
        Assert.True(LocalSite.HitsOf("/parcels") - listed > list.AllRequestCount + register.AllRequestCount, "plus the warm-ups' requests");
        Assert.True(LocalSite.HitsOf("/parcels/PX-1001") - tracked > track.AllRequestCount, "plus the warm-up's requests");
        foreach (var extension in new[] { ".txt", ".csv", ".html", ".md" })
        {
            Assert.True(File.Exists(Path.Combine(folder, "parcels_report" + extension)), extension);
        }
        var csv = File.ReadAllLines(Path.Combine(folder, "parcels_report.csv"));
        Assert.Contains(csv, line => line.StartsWith("track_parcel,,480,480,0,0,", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalogue_browsing_runs_the_closed_model_with_warm_up_and_the_archive_stops_at_its_MaxFailCount()
    {
        // Four readers with a new HttpClient per visit, 4 s warm-up, 15 s; the archive, planned for 2 min, answers 410 until 12 failures (x 0.1).
        using var run = new CompatRun(timeScale: 0.1);
        var before = LocalSite.HitsOf("/catalogue");
        var stats = NBomberRunner.RegisterScenarios(Catalogue.LoadTest.CatalogueBrowsing.Browse(), Catalogue.LoadTest.CatalogueBrowsing.BrowseArchive()).Run();

        var browse = stats.ScenarioStats.Get("browse_catalogue");
        Assert.True(browse.AllOkCount >= 4, $"4 copies for 1.5 s; got {browse.AllOkCount}");
        Assert.Equal(0, browse.AllFailCount);
        Assert.Equal(browse.AllOkCount, browse.Ok.StatusCodes.Get("200").Count);
        Assert.Equal(LocalSite.Page.Length * browse.AllOkCount, browse.AllBytes); // sizeBytes: the page's bytes (ASCII)
        Assert.True(LocalSite.HitsOf("/catalogue") - before > browse.AllOkCount, "the warm-up's requests reached the server but are not counted");
        Assert.True(stats.FaultLabResult!["browse_catalogue"].Stats.CorrectionApplied); // closed model: corrected latency too
        Assert.Null(stats.FaultLabResult!["browse_catalogue"].AbortReason);             // the other scenario's abort leaves it running

        var archive = stats.ScenarioStats.Get("browse_archive");
        Assert.True(stats.FaultLabResult!["browse_archive"].AbortReason?.Contains("MaxFailCount reached: 12", StringComparison.Ordinal),
            $"abort reason '{stats.FaultLabResult!["browse_archive"].AbortReason}' after {archive.AllFailCount} failures");
        Assert.True(archive.Duration < TimeSpan.FromSeconds(6), $"2 minutes (12 s scaled) were planned; it stopped after {archive.Duration}");
        Assert.Equal(12, archive.AllFailCount);                                        // one copy: nothing else in flight at the 12th
        Assert.Equal(archive.AllFailCount, archive.Fail.StatusCodes.Get("410").Count);
        Assert.Equal(0, archive.AllOkCount);
    }

    [Fact]
    public void Forecast_program_binds_its_settings_class_and_is_shortened_by_its_NBomber_config()
    {
        // Written as 75 RPS for 3 minutes after a 15 s warm-up, three HTTP steps per iteration. The config file (as a
        // user ships it next to the program) targets the read scenario, binds its CustomSettings to ForecastSettings,
        // and shortens it to 40 RPS for 3 s without a warm-up, in real time.
        var folder = Directory.CreateTempSubdirectory("nbomber-forecast-").FullName;
        var config = Path.Combine(folder, "config.json");
        File.WriteAllText(config, $$"""
            { "TestSuite": "weather", "TestName": "forecast_smoke",
              "TargetScenarios": ["forecast_reads"],
              "GlobalSettings": {
                "ScenariosSettings": [ {
                  "ScenarioName": "forecast_reads",
                  "WarmUpDuration": "00:00:00",
                  "LoadSimulationsSettings": [ { "Inject": [40, "00:00:01", "00:00:03"] } ],
                  "CustomSettings": { "ApiUrl": "{{LocalSite.Url}}", "City": "Tromso", "StationId": "ST-17" } } ],
                "ReportFolder": "{{folder.Replace("\\", "\\\\")}}",
                "ReportFileName": "forecast",
                "ReportFormats": ["Html", "Md"] } }
            """);
        using var realTime = NBomberOverrides.UseTimeScale(1); // the config alone shortens it
        var city = LocalSite.HitsOf("/forecast/Tromso");
        var station = LocalSite.HitsOf("/stations/ST-17");
        var alerts = LocalSite.HitsOf("/alerts");

        var stats = Forecast.LoadTest.ForecastLoadTest.Run(config);

        var s = Assert.Single(stats.ScenarioStats); // station_uploads is not among the TargetScenarios
        Assert.Equal("forecast_reads", s.ScenarioName);
        Assert.Equal(("weather", "forecast_smoke"), (stats.TestInfo.TestSuite, stats.TestInfo.TestName));
        Assert.Equal(120, s.AllOkCount); // 40 × 3
        Assert.Equal(["city_forecast", "station_readings", "weather_alerts"], s.StepStats.Select(x => x.StepName));
        Assert.All(s.StepStats, step => Assert.Equal(120, step.Ok.Request.Count));
        Assert.Equal(360, s.Ok.StatusCodes.Get("200").Count); // the steps' codes, at scenario level as NBomber shows them
        Assert.Equal((120, 120, 120), (LocalSite.HitsOf("/forecast/Tromso") - city, LocalSite.HitsOf("/stations/ST-17") - station, LocalSite.HitsOf("/alerts") - alerts));
        Assert.True(s.StepStats.Get("city_forecast").Ok.DataTransfer.MinBytes > 0);
        Assert.Equal(s.AllBytes, s.StepStats.Sum(x => x.Ok.DataTransfer.AllBytes));
        Assert.Equal(["forecast.html", "forecast.md"], Directory.GetFiles(folder, "forecast.*").Select(Path.GetFileName).Order());
        Assert.Contains("weather_alerts", File.ReadAllText(Path.Combine(folder, "forecast.html")));
    }
}
