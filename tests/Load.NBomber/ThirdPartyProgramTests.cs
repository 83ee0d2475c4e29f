using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.CSharp;

namespace LoadNBomber.Tests;

/// <summary>
/// Public NBomber programs from other projects (copied into ThirdParty/ with only their using lines changed and
/// their target URL pointed at the local Kestrel; sources named in each file) run and report what really happened.
/// </summary>
public sealed class ThirdPartyProgramTests
{
    [Fact]
    public void AdsHan_load_testing_program_runs_as_written_and_writes_its_four_reports()
    {
        // AdsHan/dotnet-nbomber-load-testing: three scenarios with warm-ups, ramping and constant injection, a POST
        // with a JSON body, reports to ./reports/products in four formats. Only the time is compressed (x 0.2).
        using var run = new CompatRun(timeScale: 0.2, extraConfig: "{}");
        var folder = Path.GetFullPath("./reports/products");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        var posts = LocalSite.HitsOf("/api/products") + 0; // GET and POST share the path; counted together
        var entry = typeof(LoadTesting.ConsoleApp.Scenarios.GetAllProducts).Assembly.EntryPoint!;
        entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);

        var stats = run.Stats;
        var all = stats.ScenarioStats.Get("GetAllProducts");
        var byId = stats.ScenarioStats.Get("GetProductById");
        var post = stats.ScenarioStats.Get("PostProduct");
        Assert.Equal(50 * 10 + 200 * 5, all.AllRequestCount); // RampingInject 0→100 over 10 intervals, then 200 × 5
        Assert.Equal(200 * 5, byId.AllRequestCount);
        Assert.Equal(10 * 10, post.AllRequestCount);           // RampingInject 0→20 over 10 intervals
        Assert.Equal(0, stats.AllFailCount);
        Assert.Equal(all.AllOkCount, all.Ok.StatusCodes.Get("200").Count);
        Assert.Equal(post.AllOkCount, post.Ok.StatusCodes.Get("201").Count); // the server accepted the JSON body
        Assert.True(LocalSite.HitsOf("/api/products") - posts >= all.AllRequestCount + post.AllRequestCount); // plus warm-ups
        foreach (var extension in new[] { ".txt", ".csv", ".html", ".md" })
            Assert.True(File.Exists(Path.Combine(folder, "products_report" + extension)), extension);
        var csv = File.ReadAllLines(Path.Combine(folder, "products_report.csv"));
        Assert.Contains(csv, line => line.StartsWith("GetProductById,,1000,1000,0,0,", StringComparison.Ordinal));
    }

    [Fact]
    public void Zstefanov_product_list_scenario_runs_closed_model_with_warm_up()
    {
        // Zstefanov/AE-Automation-.NET-NBomber: five copies, a new HttpClient per iteration, 5 s warm-up, 20 s (x 0.1).
        using var run = new CompatRun(timeScale: 0.1);
        var before = LocalSite.HitsOf("/products");
        var scenario = AE_extensive_project.PerformanceTests.PerformanceTests.GetProductEndpointLoadTest.CreateScenario();
        var stats = NBomberRunner.RegisterScenarios(scenario).Run();

        var s = stats.ScenarioStats.Get("critical_products_list");
        Assert.True(s.AllOkCount >= 5, $"5 copies for 2 s; got {s.AllOkCount}");
        Assert.Equal(0, s.AllFailCount);
        Assert.True(LocalSite.HitsOf("/products") - before > s.AllOkCount, "the warm-up's requests reached the server but are not counted");
        Assert.Equal(OperationTypeComplete, s.CurrentOperation);
        Assert.True(stats.FaultLabResult!["critical_products_list"].Stats.CorrectionApplied); // closed model: corrected latency too
    }

    [Fact]
    public void Berkslv_normal_load_scenario_runs_three_http_steps_shortened_by_an_NBomber_config()
    {
        // berkslv/micro-commerce: 100 RPS for 2 minutes after a 10 s warm-up, three HTTP steps per iteration. It is
        // shortened the NBomber way, with a JSON config (ScenariosSettings), applied without touching its code.
        var folder = Directory.CreateTempSubdirectory("nbomber-berkslv-").FullName;
        var config = Path.Combine(folder, "config.json");
        File.WriteAllText(config, """
            { "GlobalSettings": { "ScenariosSettings": [ {
                "ScenarioName": "normal_load",
                "WarmUpDuration": "00:00:00",
                "LoadSimulationsSettings": [ { "Inject": [50, "00:00:01", "00:00:02"] } ] } ] } }
            """);
        var settings = new LoadTests.LoadTestConfig();
        settings.BaseUrls.CatalogApi = LocalSite.Url;
        using var scope = FaultLab.Load.NBomber.NBomberOverrides.UseConfig(config);
        using var realTime = FaultLab.Load.NBomber.NBomberOverrides.UseTimeScale(1); // the config alone shortens it
        var before = LocalSite.HitsOf("/health");

        var stats = NBomberRunner.RegisterScenarios(LoadTests.Scenarios.NormalLoadScenario.Create(settings))
            .WithReportFolder(folder).WithReportFileName("normal").Run();

        var s = stats.ScenarioStats.Get("normal_load");
        Assert.Equal(100, s.AllOkCount);
        Assert.Equal(["get_products", "get_categories", "health_check"], s.StepStats.Select(x => x.StepName));
        Assert.All(s.StepStats, step => Assert.Equal(100, step.Ok.Request.Count));
        Assert.Equal(300, s.Ok.StatusCodes.Get("200").Count); // the steps' codes, at scenario level as NBomber shows them
        Assert.Equal(100, LocalSite.HitsOf("/health") - before);
        Assert.True(s.StepStats.Get("get_products").Ok.DataTransfer.MinBytes > 0);
        Assert.Equal(s.AllBytes, s.StepStats.Sum(x => x.Ok.DataTransfer.AllBytes));
        Assert.Contains("health_check", File.ReadAllText(Path.Combine(folder, "normal.html")));
    }

    private const FaultLab.Load.NBomber.Contracts.Stats.OperationType OperationTypeComplete = FaultLab.Load.NBomber.Contracts.Stats.OperationType.Complete;
}
