using System.Collections.Concurrent;

namespace FaultLab.Load.Tests.Distributed;

/// <summary>
/// Agents of one schedule, run side by side in this process with a common start instant. What is asserted is the
/// schedule itself (intended starts, copy numbers, iteration counts), which real-time noise cannot move.
/// </summary>
public sealed class AgentSliceTests
{
    [Fact]
    public async Task Open_model_agent_i_of_n_runs_every_nth_arrival_of_the_global_schedule_offset_by_i()
    {
        var intended = new ConcurrentDictionary<int, ConcurrentBag<double>>();
        Scenario For(int agent) => Scenario.Create("arrivals", ctx =>
        {
            intended.GetOrAdd(agent, _ => []).Add(ctx.Elapsed.TotalMilliseconds);
            return Task.FromResult(Response.Ok(200));
        }).WithLoadSimulations(Simulation.Inject(30, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            Simulation.RampingInject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var start = AgentOptions.SoonAfterNow();
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => LoadTest.RunAsync(AgentOptions.For(i, 3, start), For(i))));

        // The global schedule: 30 arrivals at k/30 s, then a ramp 30 → 10 per second over the next second.
        var global = ArrivalSchedule.Offsets(30, 30, 1).Select(t => t * 1000)
            .Concat(ArrivalSchedule.Offsets(30, 10, 1).Select(t => 1000 + (t * 1000))).ToList();
        Assert.Equal(50, global.Count);
        for (var i = 0; i < 3; i++)
        {
            var mine = global.Where((_, k) => k % 30 % 3 == i && k < 30).Concat(global.Skip(30).Where((_, k) => k % 3 == i));
            Assert.Equal(mine.Select(Ms), intended[i].Order().Select(Ms));
            Assert.Equal(new AgentRun(i, 3, start, 0), results[i].Agent! with { LateStartSeconds = 0 });
            Assert.Equal(start, results[i]["arrivals"].MeasuredStartedAt);
        }

        Assert.Equal(50, results.Sum(r => r["arrivals"].Stats.Count));
        Assert.Equal([17, 17, 16], results.Select(r => r["arrivals"].Stats.Count)); // 10+10+10 and 7+7+6
    }

    [Fact]
    public async Task Closed_model_copies_split_by_copy_number_and_shared_iterations_split_exactly()
    {
        var copies = new ConcurrentDictionary<int, ConcurrentDictionary<int, byte>>();
        Scenario For(int agent, LoadSimulation simulation) => Scenario.Create("copies", async ctx =>
        {
            copies.GetOrAdd(agent, _ => new())[ctx.CopyNumber] = 0;
            await Task.Delay(10, ctx.CancellationToken);
            return Response.Ok();
        }).WithLoadSimulations(simulation);

        var start = AgentOptions.SoonAfterNow();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            LoadTest.RunAsync(AgentOptions.For(i, 3, start), For(i, Simulation.KeepConstant(5, TimeSpan.FromMilliseconds(300))))));
        Assert.Equal([0, 3], copies[0].Keys.Order());
        Assert.Equal([1, 4], copies[1].Keys.Order());
        Assert.Equal([2], copies[2].Keys.Order());

        start = AgentOptions.SoonAfterNow();
        var shared = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            LoadTest.RunAsync(AgentOptions.For(i, 3, start), For(i, Simulation.IterationsForConstant(2, 11)))));
        Assert.Equal([6, 5, 0], shared.Select(r => r["copies"].Stats.Count));
    }

    [Fact]
    public async Task Every_agent_carries_the_same_schedule_fingerprint_as_a_single_process_run_and_tags_its_files()
    {
        static Scenario Build(double rate) => Scenario.Create("fp", _ => Task.FromResult(Response.Ok()))
            .WithLoadSimulations(Simulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200)))
            .WithThresholds(Threshold.SuccessRate(0.99));
        var folder = Directory.CreateTempSubdirectory("faultlab-agent-").FullName;

        var single = await Quiet.RunAsync(Build(20));
        var agent = await LoadTest.RunAsync(AgentOptions.For(1, 3, AgentOptions.SoonAfterNow(), folder), Build(20));
        var other = await Quiet.RunAsync(Build(21));

        Assert.Equal(16, single.ScheduleFingerprint.Length);
        Assert.Equal(single.ScheduleFingerprint, agent.ScheduleFingerprint);
        Assert.NotEqual(single.ScheduleFingerprint, other.ScheduleFingerprint);
        Assert.Null(single.Agent);
        Assert.Equal(
            ["load-report.agent-1-of-3.md", "load-report.agent-1-of-3.json", "load-report.agent-1-of-3.html", "load-report.agent-1-of-3.csv", "load-report.agent-1-of-3.txt", "load-report.agent-1-of-3.hlog"],
            agent.ReportFiles.Select(Path.GetFileName));
        var log = File.ReadAllText(Path.Combine(folder, "load-report.agent-1-of-3.hlog"));
        Assert.Contains($"#[FaultLab agent 1 of 3, schedule {agent.ScheduleFingerprint}, start instant ", log);
        var json = File.ReadAllText(Path.Combine(folder, "load-report.agent-1-of-3.json"));
        Assert.Contains("\"agent\": {", json);
        Assert.Contains("\"index\": 1", json);
        Assert.Contains($"\"scheduleFingerprint\": \"{agent.ScheduleFingerprint}\"", json);
    }

    [Fact]
    public async Task A_start_instant_already_past_is_refused_before_any_load()
    {
        var ran = 0;
        var scenario = Scenario.Create("late", _ => { Interlocked.Increment(ref ran); return Task.FromResult(Response.Ok()); })
            .WithLoadSimulations(Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            LoadTest.RunAsync(AgentOptions.For(0, 2, DateTimeOffset.UtcNow.AddSeconds(-30)), scenario));

        Assert.StartsWith("agent 0 of 2, start ", ex.Message);
        Assert.Contains("the start instant passed 30", ex.Message);
        Assert.Equal(0, ran);
    }

    private static double Ms(double value) => Math.Round(value, 1);
}
