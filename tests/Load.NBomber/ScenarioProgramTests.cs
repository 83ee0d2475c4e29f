using FaultLab.Load.NBomber.Contracts;

namespace LoadNBomber.Tests;

/// <summary>
/// The in-process NBomber programs of Programs/Simulations and Programs/Scenarios (written in NBomber's documented API;
/// only their using lines are FaultLab's) run as they are, compressed in time by <see cref="FaultLab.Load.NBomber.NBomberOverrides"/>.
/// </summary>
public sealed class ScenarioProgramTests
{
    [Fact]
    public void KioskCheckIn_injects_every_arrival_of_the_schedule_and_writes_the_default_reports()
    {
        using var run = new CompatRun(timeScale: 0.1);
        Programs.Simulations.KioskCheckIn.Run();

        var s = run.Stats.ScenarioStats.Get("kiosk_check_in");
        Assert.Equal(1_600, s.AllRequestCount); // Inject(rate: 40, interval: 500 ms, during: 20 s): 40 × 40 arrivals
        Assert.Equal(1_600, s.Ok.Request.Count);
        Assert.Equal(100, s.Ok.Request.Percent);
        Assert.Equal(0, s.Fail.Request.Count);
        // A lower bound only (real time on a shared machine: 286.7 ms was measured once): the await was not skipped.
        Assert.True(s.Ok.Latency.MinMs >= 250, $"each iteration awaits 300 ms; min was {s.Ok.Latency.MinMs} ms");
        Assert.Equal(0, run.Stats.FaultLabResult!["kiosk_check_in"].Stats.Dropped);
        foreach (var extension in new[] { ".txt", ".html", ".csv", ".md" })
        {
            Assert.Single(run.ReportFiles(extension)); // NBomber's default formats
        }
    }

    [Fact]
    public void NightlyImport_runs_init_before_and_clean_after_the_load()
    {
        using var run = new CompatRun(timeScale: 0.2);
        Programs.Scenarios.NightlyImport.Run();

        var s = run.Stats.ScenarioStats.Get("nightly_import");
        Assert.True(s.AllOkCount >= 2, $"two copies of 250 ms for 1 s; got {s.AllOkCount}");
        Assert.Equal(512L * s.AllOkCount, s.AllBytes);
        var logs = run.Logs.ToList();
        Assert.Equal(0, logs.IndexOf("staging table created"));
        Assert.Equal(logs.Count - 1, logs.IndexOf("staging table dropped"));
    }

    [Fact]
    public void InsuranceQuote_records_the_codes_own_timeout_as_NBomber_does()
    {
        using var run = new CompatRun(timeScale: 0.1);
        Programs.Scenarios.InsuranceQuote.Run();

        var s = run.Stats.ScenarioStats.Get("insurance_quote");
        Assert.True(s.AllFailCount >= 20, $"20 copies, each cancelled after 250 ms; got {s.AllFailCount}");
        Assert.True(s.AllFailCount > 10 * s.AllOkCount, $"ok {s.AllOkCount}, fail {s.AllFailCount}");
        Assert.Equal(s.AllFailCount, s.Fail.StatusCodes.Get("-100").Count);
        Assert.True(s.Fail.Latency.MinMs >= 240, $"cancelled after 250 ms; min was {s.Fail.Latency.MinMs} ms");
    }
}

/// <summary>The load-simulation programs of Programs/Simulations, run as they are and compressed in time.</summary>
public sealed class SimulationProgramTests
{
    [Fact]
    public void TicketSaleOpening_runs_ramping_inject_then_inject_then_inject_random()
    {
        using var run = new CompatRun(timeScale: 0.02);
        Programs.Simulations.TicketSaleOpening.Run();

        var s = run.Stats.ScenarioStats.Get("ticket_buyers");
        var result = run.Stats.FaultLabResult!["ticket_buyers"];
        Assert.Equal(0, result.Stats.Dropped);
        // RampingInject 0→30 over 40 intervals (600) + Inject 30 × 20 (600) + InjectRandom 5..25 × 20 intervals.
        Assert.InRange(s.AllRequestCount, 600 + 600 + 20 * 5, 600 + 600 + 20 * 25);
        Assert.Equal(s.AllRequestCount, s.AllOkCount);
        Assert.Equal("inject_random", s.LoadSimulationStats.SimulationName);
        Assert.Equal(22, result.Simulations.Count); // the two phases plus one seeded Inject per random interval
    }

    [Fact]
    public void ChatConnections_ramps_then_keeps_twenty_four_copies()
    {
        using var run = new CompatRun(timeScale: 0.05);
        Programs.Simulations.ChatConnections.Run();

        var s = run.Stats.ScenarioStats.Get("chat_clients");
        Assert.True(s.AllOkCount >= 24, $"24 copies for 1 s of 500 ms iterations; got {s.AllOkCount}");
        Assert.Equal(0, s.AllFailCount);
        Assert.Equal(("keep_constant", 24), (s.LoadSimulationStats.SimulationName, s.LoadSimulationStats.Value));
    }

    [Fact]
    public void InvoiceBatch_runs_exactly_the_iteration_budget()
    {
        using var run = new CompatRun(timeScale: 0.1);
        Programs.Simulations.InvoiceBatch.Run();

        // IterationsForConstant(copies: 20, iterations: 600); the time scale shrinks iteration budgets too.
        var s = run.Stats.ScenarioStats.Get("render_invoices");
        Assert.Equal(60, s.AllOkCount);
        Assert.Equal(60, s.AllRequestCount);
    }

    [Fact]
    public void MediaServices_run_together_with_their_own_status_codes_and_sizes()
    {
        using var run = new CompatRun(timeScale: 0.05);
        Programs.Simulations.MediaServices.Run();

        var thumbnails = run.Stats.ScenarioStats.Get("thumbnails");
        var metadata = run.Stats.ScenarioStats.Get("metadata");
        Assert.True(thumbnails.AllOkCount >= 6 && metadata.AllOkCount >= 1, $"{thumbnails.AllOkCount}, {metadata.AllOkCount}");
        Assert.Equal(thumbnails.AllOkCount, thumbnails.Ok.StatusCodes.Get("201").Count);
        Assert.Equal(metadata.AllOkCount, metadata.Ok.StatusCodes.Get("202").Count);
        Assert.Equal(2048L * thumbnails.AllOkCount, thumbnails.AllBytes);
        Assert.Equal(0, metadata.AllBytes);
        Assert.Equal(thumbnails.AllRequestCount + metadata.AllRequestCount, run.Stats.AllRequestCount);
    }

    [Fact]
    public void CacheWarmStart_pauses_before_the_load()
    {
        using var run = new CompatRun(timeScale: 0.04);
        Programs.Simulations.CacheWarmStart.Run();

        var result = run.Stats.FaultLabResult!["cache_reads"];
        Assert.True(result.Stats.Ok >= 1);
        Assert.Equal(3, result.Simulations.Count);
        Assert.Equal("Pause during 200 ms", result.Simulations[0]); // Pause(5 s), compressed by 0.04
    }

    [Fact]
    public void ParcelTrackingWithPlugins_says_plainly_that_worker_plugins_are_not_supported()
    {
        var before = LocalSite.HitsOf("/tracking");
        var error = Assert.Throws<NotSupportedException>(Programs.Web.ParcelTrackingWithPlugins.Run);
        Assert.Contains("WithWorkerPlugins", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, LocalSite.HitsOf("/tracking")); // it stopped where the plugins are configured, before any load
    }
}

/// <summary>The step programs of Programs/Scenarios, run as they are and compressed in time.</summary>
public sealed class StepProgramTests
{
    [Fact]
    public void RecipePipeline_reports_each_step_and_the_payload_check()
    {
        using var run = new CompatRun(timeScale: 0.05);
        Programs.Scenarios.RecipePipeline.Run();

        var s = run.Stats.ScenarioStats.Get("recipe_pipeline");
        Assert.True(s.AllOkCount > 0);
        Assert.Equal(0, s.AllFailCount); // the payload reached the final check: 4 × 3 = 12, Response.Ok(statusCode: "200")
        Assert.Equal(s.AllOkCount, s.Ok.StatusCodes.Get("200").Count);
        Assert.Equal(["fetch_recipe", "scale_ingredients"], s.StepStats.Select(x => x.StepName));
        foreach (var step in s.StepStats)
        {
            Assert.Equal(s.AllOkCount, step.Ok.Request.Count);
            Assert.Equal(48, step.Ok.DataTransfer.MinBytes); // Response.Ok(payload: ..., sizeBytes: 48)
            Assert.Equal(48L * step.Ok.Request.Count, step.Ok.DataTransfer.AllBytes);
            Assert.True(step.Ok.Latency.MinMs >= 390, $"{step.StepName} awaits 400 ms; min was {step.Ok.Latency.MinMs} ms");
        }
        Assert.Contains("scale_ingredients", File.ReadAllText(Assert.Single(run.ReportFiles(".md"))));
    }

    [Fact]
    public void GateBoarding_passes_data_through_payloads_the_Data_dictionary_and_closures()
    {
        using var run = new CompatRun(timeScale: 0.1);
        Programs.Scenarios.GateBoarding.Run();

        var s = run.Stats.ScenarioStats.Get("gate_boarding");
        Assert.True(s.AllOkCount >= 1);
        Assert.Equal(0, s.AllFailCount);
        Assert.Equal(["scan_pass", "check_bags", "board"], s.StepStats.Select(x => x.StepName));
        Assert.Equal(8L * s.AllOkCount, s.StepStats.Get("scan_pass").Ok.DataTransfer.AllBytes);
        var logs = run.Logs.ToList();
        Assert.Equal(s.AllOkCount, logs.Count(l => l == "seat 14C"));
        Assert.Equal(s.AllOkCount, logs.Count(l => l == "bags: 2"));
        Assert.Equal(s.AllOkCount, logs.Count(l => l == "lane: priority"));
        Assert.Equal(s.AllOkCount, logs.Count(l => l == "gate B7"));
    }

    [Fact]
    public void CardPayment_keeps_the_iteration_going_after_declined_attempts()
    {
        using var run = new CompatRun(timeScale: 0.1);
        Programs.Scenarios.CardPayment.Run();

        var s = run.Stats.ScenarioStats.Get("card_payment");
        var step = s.StepStats.Get("authorise_card");
        Assert.True(s.AllOkCount >= 2, $"two copies of 400 ms iterations for 1.5 s; got {s.AllOkCount}");
        Assert.Equal(0, s.AllFailCount);
        Assert.Equal(s.AllOkCount, step.Ok.Request.Count);                         // the fourth attempt is authorised
        Assert.Equal(3 * s.AllOkCount, step.Fail.Request.Count);                   // after three declines, retried in the same iteration
        Assert.Equal(3 * s.AllOkCount, step.Fail.StatusCodes.Get("402").Count);
        Assert.Equal(75, step.Fail.Request.Percent);
    }
}
