using System.Net;
using FaultLab;
using FaultLab.Load.NBomber;
using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using FaultLab.Load.NBomber.CSharp;
using FaultLab.Load.NBomber.Http.CSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoadNBomber.Tests;

/// <summary>The NBomber semantics NBomber programs rely on, one at a time, with exact expectations.</summary>
public sealed class CompatibilityTests
{
    private static ScenarioProps Quick(ScenarioProps scenario, int rate = 20) => scenario
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.Inject(rate: rate, interval: TimeSpan.FromMilliseconds(100), during: TimeSpan.FromSeconds(1)));

    private static NodeStats Run(params ScenarioProps[] scenarios) =>
        NBomberRunner.RegisterScenarios(scenarios).WithoutReports().WithConsoleOutput(FaultLab.Load.ConsoleOutput.Silent).Run();

    [Fact]
    public void A_failed_step_ends_the_iteration_and_its_code_is_counted_once()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var secondRan = 0;
        var stats = Run(Quick(Scenario.Create("restart", async context =>
        {
            await Step.Run("login", context, () => Task.FromResult(Response.Fail(statusCode: "503", message: "down")));
            Interlocked.Increment(ref secondRan);
            await Step.Run("order", context, () => Task.FromResult(Response.Ok()));
            return Response.Ok();
        })));

        var s = stats.ScenarioStats.Get("restart");
        Assert.Equal(200, s.AllFailCount); // 20 per 100 ms for 1 s
        Assert.Equal(0, secondRan);
        Assert.Equal(200, s.StepStats.Get("login").Fail.StatusCodes.Get("503").Count);
        Assert.False(s.StepStats.Exists("order"));
        Assert.Equal(200, s.Fail.StatusCodes.Get("503").Count);
        Assert.Equal(100, s.Fail.StatusCodes.Get("503").Percent);
    }

    [Fact]
    public void An_exception_is_a_failure_with_status_minus_101_and_its_message()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var stats = Run(Quick(Scenario.Create("throws", async context =>
        {
            await Step.Run<string>("boom", context, () => throw new InvalidOperationException("no stock"));
            return Response.Ok();
        })));

        var step = stats.ScenarioStats.Get("throws").StepStats.Get("boom");
        Assert.Equal(200, step.Fail.StatusCodes.Get("-101").Count);
        Assert.Equal(0, step.Ok.Request.Count);
    }

    [Fact]
    public void Textual_status_codes_reach_FaultLabs_breakdown_and_reports()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var folder = Directory.CreateTempSubdirectory("nbomber-text-").FullName;
        var stats = NBomberRunner.RegisterScenarios(Quick(Scenario.Create("text", _ =>
                Task.FromResult<IResponse>(Response.Fail(statusCode: "not found header", sizeBytes: 5)))))
            .WithReportFolder(folder).WithReportFileName("text").WithReportFormats(ReportFormat.Md, ReportFormat.Csv, ReportFormat.Txt)
            .WithConsoleOutput(FaultLab.Load.ConsoleOutput.Silent).Run();

        var engine = stats.FaultLabResult!["text"].Stats;
        Assert.Equal(200, Assert.Single(engine.StatusCodes, c => c.Label == "not found header").Fail);
        Assert.Equal(1000, stats.ScenarioStats.Get("text").Fail.DataTransfer.AllBytes);
        Assert.Contains("| not found header | 200 | 0 | 200 |", File.ReadAllText(Path.Combine(folder, "text.md")));
        Assert.Equal(["text.csv", "text.md", "text.txt"], stats.ReportFiles.Select(f => Path.GetFileName(f.FilePath)).Order());
        Assert.StartsWith("scenario,step,count,ok,fail", stats.ReportFiles.Single(f => f.ReportFormat == ReportFormat.Csv).ReportContent);
    }

    [Fact]
    public void MaxFailCount_aborts_the_scenario_early()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var stats = Run(Scenario.Create("failing", _ => Task.FromResult<IResponse>(Response.Fail()))
            .WithoutWarmUp().WithMaxFailCount(5)
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: TimeSpan.FromMilliseconds(100), during: TimeSpan.FromSeconds(3))));

        var result = stats.FaultLabResult!["failing"];
        Assert.Contains("MaxFailCount reached: 5", result.AbortReason);
        Assert.InRange(stats.ScenarioStats.Get("failing").AllFailCount, 5, 150); // 300 were planned
    }

    [Fact]
    public void Thresholds_report_their_expression_failed_checks_and_exceptions()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var stats = Run(Quick(Scenario.Create("http", _ => Task.FromResult<IResponse>(Response.Ok(statusCode: "200"))))
            .WithThresholds(
                Threshold.Create(scenarioStats => scenarioStats.Fail.Request.Percent < 10),
                Threshold.Create(scenarioStats => scenarioStats.Ok.StatusCodes.Get("404").Percent < 5),
                Threshold.Create("missing_step", stepStats => stepStats.Ok.Request.Count > 0)));

        Assert.Collection(stats.Thresholds,
            t => Assert.Equal(("scenarioStats => scenarioStats.Fail.Request.Percent < 10", false, 0), (t.CheckExpression, t.IsFailed, t.ErrorCount)),
            t => Assert.Equal(("Status code '404' is not found.", true, 1), (t.ExceptionMsg, t.IsFailed, t.ErrorCount)),
            t => Assert.Equal(("missing_step", "Step 'missing_step' is not found.", true), (t.StepName, t.ExceptionMsg, t.IsFailed)));
    }

    [Fact]
    public void A_threshold_with_abortWhenErrorCount_stops_the_scenario()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var stats = NBomberRunner.RegisterScenarios(Scenario.Create("aborting", _ => Task.FromResult<IResponse>(Response.Fail(statusCode: "500")))
                .WithoutWarmUp()
                .WithLoadSimulations(Simulation.Inject(rate: 5, interval: TimeSpan.FromMilliseconds(100), during: TimeSpan.FromSeconds(20)))
                .WithThresholds(Threshold.Create(s => s.Fail.Request.Count == 0, abortWhenErrorCount: 2)))
            .WithReportingInterval(TimeSpan.FromSeconds(1)).WithoutReports().WithConsoleOutput(FaultLab.Load.ConsoleOutput.Silent).Run();

        var threshold = Assert.Single(stats.Thresholds);
        Assert.True(threshold.IsFailed);
        Assert.InRange(threshold.ErrorCount, 2, 4);
        Assert.Contains("aborts after 2 failed checks", stats.FaultLabResult!["aborting"].AbortReason);
        Assert.True(stats.ScenarioStats.Get("aborting").Duration < TimeSpan.FromSeconds(10), "20 s were planned; the threshold stopped it");
    }

    [Fact]
    public void A_FaultLab_injected_IHttpClientFactory_client_plugs_into_Http_Send()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var services = new ServiceCollection();
        services.AddHttpClient("site", c => c.BaseAddress = new Uri(LocalSite.Url))
            .AddFaultInjection(faults => faults.WithSeed(7).AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.25));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("site");
        var before = LocalSite.HitsOf("/status/200");

        var stats = Run(Quick(Scenario.Create("chaos", async _ => await Http.Send(client, Http.CreateRequest("GET", "/status/200")))));

        var s = stats.ScenarioStats.Get("chaos");
        var injected = s.Fail.StatusCodes.Get("503").Count;
        Assert.Equal(200, s.AllRequestCount);
        Assert.InRange(injected, 20, 80);                                         // 25 % of 200
        Assert.Equal(s.AllOkCount, LocalSite.HitsOf("/status/200") - before);         // injected 503s never reached the server
        Assert.Equal(s.AllOkCount, s.Ok.StatusCodes.Get("200").Count);
    }

    [Fact]
    public void Builders_are_immutable_as_in_NBomber()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var original = Scenario.Create("s", _ => Task.FromResult<IResponse>(Response.Ok()));
        original.WithoutWarmUp(); // result dropped: no effect, exactly as with NBomber
        var changed = original.WithoutWarmUp().WithMaxFailCount(3);

        Assert.Equal(TimeSpan.FromSeconds(30), original.WarmUpDuration);
        Assert.Null(changed.WarmUpDuration);
        Assert.Equal(5_000, original.MaxFailCount);
        Assert.Equal(3, changed.MaxFailCount);
    }

    [Fact]
    public void Unsupported_features_fail_where_they_are_configured()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var context = NBomberRunner.RegisterScenarios(Quick(Scenario.Create("s", _ => Task.FromResult<IResponse>(Response.Ok()))));
        Assert.Contains("LoadInfraConfig", Assert.Throws<NotSupportedException>(() => context.LoadInfraConfig("infra.json")).Message);
        Assert.Contains("WithReportingSinks", Assert.Throws<NotSupportedException>(() => context.WithReportingSinks()).Message);
        Assert.Contains("URL", Assert.Throws<NotSupportedException>(() => context.LoadConfig("https://example.invalid/config.json")).Message);
        Assert.Contains("cluster", Assert.Throws<NotSupportedException>(() => context.Run("--cluster-node-type=agent")).Message);
        Assert.Contains("WithWeight", Assert.Throws<NotSupportedException>(() =>
            NBomberRunner.RegisterScenarios(Quick(Scenario.Create("w", _ => Task.FromResult<IResponse>(Response.Ok()))).WithWeight(2)).Run()).Message);
    }

    [Theory]
    [InlineData("""{ "ClusterSettings": {} }""", typeof(NotSupportedException), "ClusterSettings: cluster mode")]
    [InlineData("""{ "GlobalSettings": { "ScenariosSettings": [ { "ScenarioName": "s", "ThresholdSettings": [] } ] } }""", typeof(NotSupportedException), "GlobalSettings:ScenariosSettings:0:ThresholdSettings")]
    [InlineData("""{ "GlobalSettings": { "ScenariosSettings": [ { "ScenarioName": "nope" } ] } }""", typeof(FormatException), "GlobalSettings:ScenariosSettings:0:ScenarioName: no registered scenario is named 'nope'")]
    [InlineData("""{ "GlobalSettings": { "ScenariosSettings": [ { "ScenarioName": "s", "LoadSimulationsSettings": [ { "Inject": [10, "soon", "00:00:01"] } ] } ] } }""", typeof(FormatException), "LoadSimulationsSettings:0:Inject: expected a duration")]
    [InlineData("""{ "GlobalSettings": { "ReportFormats": ["Pdf"] } }""", typeof(FormatException), "GlobalSettings:ReportFormats:0: unknown report format 'Pdf'")]
    public void Config_errors_name_the_setting(string json, Type expected, string message)
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var path = Path.Combine(Directory.CreateTempSubdirectory("nbomber-config-").FullName, "config.json");
        File.WriteAllText(path, json);
        var context = NBomberRunner.RegisterScenarios(Quick(Scenario.Create("s", _ => Task.FromResult<IResponse>(Response.Ok())))).LoadConfig(path);

        var error = Assert.Throws(expected, () => context.WithoutReports().Run());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_and_cli_arguments_set_names_targets_and_custom_settings()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1); // this assembly compresses time for the programs of Programs/
        var path = Path.Combine(Directory.CreateTempSubdirectory("nbomber-config-").FullName, "config.json");
        File.WriteAllText(path, """
            { "TestSuite": "suite", "TestName": "name",
              "GlobalSettings": {
                "ScenariosSettings": [ { "ScenarioName": "a", "CustomSettings": { "PauseMs": 7 },
                  "LoadSimulationsSettings": [ { "IterationsForConstant": [2, 10] } ] } ],
                "GlobalCustomSettings": { "ConnectionString": "local" } } }
            """);
        int? pause = null;
        string? connection = null;
        var a = Scenario.Create("a", _ => Task.FromResult<IResponse>(Response.Ok()))
            .WithoutWarmUp()
            .WithInit(init =>
            {
                pause = init.CustomSettings.GetValue<int>("PauseMs");
                connection = init.GlobalCustomSettings["ConnectionString"];
                return Task.CompletedTask;
            });
        var b = Quick(Scenario.Create("b", _ => Task.FromResult<IResponse>(Response.Ok())));

        var stats = NBomberRunner.RegisterScenarios(a, b).WithoutReports().WithConsoleOutput(FaultLab.Load.ConsoleOutput.Silent)
            .Run($"--config={path}", "--target=a");

        Assert.Equal(("suite", "name"), (stats.TestInfo.TestSuite, stats.TestInfo.TestName));
        Assert.Equal(10, Assert.Single(stats.ScenarioStats).AllOkCount);
        Assert.Equal((7, "local"), (pause, connection));
    }
}
