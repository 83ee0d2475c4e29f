namespace FaultLab.Load.Tests;

/// <summary>Named steps, outcome-split statistics, textual status codes, MaxFailCount and the CSV/TXT reports.</summary>
public sealed class StepTests
{
    [Fact]
    public async Task Steps_get_their_own_statistics_and_a_failed_step_restarts_the_iteration()
    {
        var ordersRan = 0;
        var scenario = Scenario.Create("shop", async ctx =>
            {
                await ctx.RunStepAsync("login", () => Task.FromResult(ctx.Iteration % 4 == 0 ? Response.Fail(401, "expired") : Response.Ok(200, 10)));
                Interlocked.Increment(ref ordersRan);
                await ctx.RunStepAsync("order", () => Task.FromResult(Response.Ok(201, 100)));
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(2, 400));

        var stats = (await Quiet.RunAsync(scenario))["shop"].Stats;

        Assert.Equal((400L, 300L, 100L), (stats.Count, stats.Ok, stats.Fail));
        Assert.Equal(300, ordersRan);
        Assert.Equal(["login", "order"], stats.Steps.Select(s => s.Name));
        var login = stats.FindStep("login")!;
        Assert.Equal((300L, 100L), (login.Ok.Count, login.Fail.Count));
        Assert.Equal(3_000, login.Ok.Bytes.TotalBytes);
        Assert.Equal((10L, 10L), (login.Ok.Bytes.MinBytes, login.Ok.Bytes.MaxBytes));
        Assert.Equal(100, Assert.Single(login.Fail.StatusCodes).Count);
        Assert.Equal(401, login.Fail.StatusCodes[0].StatusCode);
        Assert.Equal(300, stats.FindStep("order")!.Ok.Count);
        Assert.Equal(401, Assert.Single(stats.FailStats.StatusCodes).StatusCode); // the iteration carries the failed step's outcome
        Assert.Equal(300, stats.OkStats.Count);
    }

    [Fact]
    public async Task Without_restart_the_code_sees_the_failed_step_and_goes_on()
    {
        var scenario = Scenario.Create("retry", async ctx =>
            {
                var attempts = 0;
                Response login;
                do
                {
                    attempts++;
                    login = await ctx.RunStepAsync("login", () => Task.FromResult(attempts < 3 ? Response.Fail(503) : Response.Ok(200)));
                }
                while (!login.IsSuccess);
                return Response.Ok(200);
            })
            .WithRestartIterationOnFail(false)
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 50));

        var stats = (await Quiet.RunAsync(scenario))["retry"].Stats;

        Assert.Equal(50, stats.Ok);
        Assert.Equal((50L, 100L), (stats.FindStep("login")!.Ok.Count, stats.FindStep("login")!.Fail.Count));
    }

    [Fact]
    public async Task A_throwing_step_is_a_failed_run_and_RunStepAsync_needs_the_engine()
    {
        var scenario = Scenario.Create("throws", async ctx =>
            {
                await ctx.RunStepAsync("boom", () => throw new InvalidOperationException("no stock"));
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 10));

        var stats = (await Quiet.RunAsync(scenario))["throws"].Stats;

        Assert.Equal(10, stats.Fail);
        Assert.Equal(10, stats.FindStep("boom")!.Fail.Count);
        var outside = new StepFailedException("x", Response.Fail());
        Assert.Contains("Step 'x' failed", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Textual_status_codes_are_listed_as_text_and_numeric_text_as_the_number()
    {
        var scenario = Scenario.Create("text", ctx => Task.FromResult((ctx.Iteration % 3) switch
            {
                0 => Response.Create(true, "200", 5),
                1 => Response.Ok(200, 5),
                _ => Response.Create(false, "not found header"),
            }))
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 300));

        var result = (await Quiet.RunAsync(scenario))["text"];

        Assert.Equal(new StatusCodeStats(200, 200, 200, 0), result.Stats.StatusCodes.Single(c => c.StatusCode == 200));
        var text = result.Stats.StatusCodes.Single(c => c.Text is not null);
        Assert.Equal(("not found header", 100L, 100L), (text.Label, text.Count, text.Fail));
        Assert.Equal(300, result.Timeline.Sum(p => p.Ok + p.Fail)); // textual codes count on the timeline too
        Assert.Equal(100, result.Timeline.Sum(p => p.StatusCodes.GetValueOrDefault("not found header")));
        Assert.Equal(1_000, result.Stats.Bytes);
        Assert.Contains("| not found header | 100 | 0 | 100 |", MarkdownReport.Render(new[] { result }.ToResult()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxFailCount_aborts_the_scenario_with_a_reason()
    {
        var scenario = Scenario.Create("failing", _ => Task.FromResult(Response.Fail(500)))
            .WithMaxFailCount(20)
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)));

        var result = (await Quiet.RunAsync(scenario))["failing"];

        Assert.Equal("MaxFailCount reached: 20 iterations failed", result.AbortReason);
        Assert.False(result.Passed);
        Assert.InRange(result.Stats.Fail, 20, 200); // 3 000 were planned
        Assert.Throws<ArgumentException>(() => Scenario.Create("x", _ => Task.FromResult(Response.Ok())).WithMaxFailCount(0));
    }

    [Fact]
    public async Task Csv_and_text_reports_carry_scenarios_and_steps()
    {
        var scenario = Scenario.Create("report", async ctx =>
            {
                await ctx.RunStepAsync("get, \"quoted\"", () => Task.FromResult(Response.Ok(200, 7)));
                return Response.Ok(200);
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 20));
        var folder = Directory.CreateTempSubdirectory("faultlab-csv-").FullName;

        var result = await LoadTest.RunAsync(new LoadTestOptions
        {
            ConsoleOutput = ConsoleOutput.Silent, ReportsFolder = folder, ReportFormats = ReportFormats.Csv | ReportFormats.Txt,
        }, scenario);

        Assert.Equal(2, result.ReportFiles.Count);
        var csv = File.ReadAllLines(Path.Combine(folder, "load-report.csv"));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("scenario,step,count,ok,fail,dropped,rps,", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("report,,20,20,0,0,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("report,\"get, \"\"quoted\"\"\",20,20,0,,", csv[2], StringComparison.Ordinal);
        Assert.EndsWith(",140", csv[2], StringComparison.Ordinal);
        var txt = File.ReadAllText(Path.Combine(folder, "load-report.txt"));
        Assert.Contains("Steps (each timed from its actual start", txt, StringComparison.Ordinal);
        Assert.Contains("get, \"quoted\"", txt, StringComparison.Ordinal);
    }
}

internal static class ResultFactory
{
    /// <summary>Wraps scenario results the way the runner does, for rendering one report in a test.</summary>
    public static LoadTestResult ToResult(this ScenarioResult[] scenarios) => new(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), scenarios);
}
