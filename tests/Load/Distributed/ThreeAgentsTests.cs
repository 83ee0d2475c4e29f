namespace FaultLab.Load.Tests.Distributed;

/// <summary>
/// The small version of the distributed proof (benchmarks/load-agents has the full one): three agents against a
/// local Kestrel at a total rate R, beside one process at R. Counts are exact because the schedule is; latency is
/// not asserted here (real time on a shared machine), only that both runs measured every arrival.
/// </summary>
public sealed class ThreeAgentsTests
{
    private const int Rate = 60;

    private static Scenario Orders(HttpClient client) => Scenario.Create("orders", async ctx =>
        {
            using var response = await client.GetAsync("/", ctx.CancellationToken);
            return response.IsSuccessStatusCode ? Response.Ok((int)response.StatusCode) : Response.Fail((int)response.StatusCode);
        })
        .WithLoadSimulations(Simulation.Inject(Rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)))
        .WithThresholds(Threshold.SuccessRate(1), Threshold.Dropped(0));

    [Fact]
    public async Task Three_agents_at_a_third_each_add_up_to_one_process_at_the_whole_rate()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        await client.GetStringAsync("/");

        var single = await Quiet.RunAsync(Orders(client));
        var start = AgentOptions.SoonAfterNow();
        var agents = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => LoadTest.RunAsync(AgentOptions.For(i, 3, start), Orders(client))));
        var merged = LoadResultMerge.Merge(agents);

        Assert.Equal(2 * Rate, single["orders"].Stats.Count);
        Assert.Equal([40, 40, 40], agents.Select(a => a["orders"].Stats.Count));
        Assert.Equal(single["orders"].Stats.Count, merged["orders"].Stats.Count);
        Assert.Equal(0, merged["orders"].Stats.Dropped + merged["orders"].Stats.Fail);
        Assert.Equal(single.ScheduleFingerprint, merged.ScheduleFingerprint);
        Assert.True(merged.Passed, string.Join("; ", merged["orders"].Thresholds.Select(t => $"{t.Rule}: {t.Actual}")));
        // One merged point per second, on the same seconds as the single run, holding every completion.
        Assert.Equal(single["orders"].Timeline.Select(p => Math.Round(p.StartSeconds)), merged["orders"].Timeline.Select(p => Math.Round(p.StartSeconds)));
        Assert.Equal(2 * Rate, merged["orders"].Timeline.Sum(p => p.Count));
        Assert.All(merged["orders"].Timeline, p => Assert.True(p.P50Ms > 0 && p.P99Ms >= p.P50Ms));
    }
}
