using System.Net;
using FaultLab.Load;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>
/// Fault windows, time to recover and Retry-After violations under real load over real sockets (the assembly runs
/// under [MachineWideTiming]; the bounds are one timeline bucket, or orders of magnitude apart).
/// </summary>
public sealed class RecoveryLoadTests(ITestOutputHelper output)
{
    /// <summary>Where the recovery run writes its reports (the docs screenshot is rendered from it).</summary>
    public static string ReportsFolder { get; } = Path.Combine(Path.GetTempPath(), "faultlab-recovery");

    [Fact]
    public async Task A_2_s_outage_followed_by_2_s_of_503s_is_marked_on_the_timeline_and_takes_2_s_to_recover_within_one_bucket()
    {
        // Scripted: the dependency is down from 2 s to 4 s (the marked window), then answers 503 until 6 s — as a
        // service does while it warms up — then is healthy. A bare client is back exactly when the dependency is:
        // 2 s after the window's end.
        var outage = new OutageFault { Name = "outage", Failure = OutageFailure.ConnectionRefused,
            Schedule = new FaultSchedule { Start = TimeSpan.FromSeconds(2), Duration = TimeSpan.FromSeconds(2) } };
        var warming = new StatusFault { Name = "warming-up", StatusCode = 503,
            Schedule = new FaultSchedule { Start = TimeSpan.FromSeconds(4), Duration = TimeSpan.FromSeconds(2) } };
        await using var dependency = await Dependency.StartAsync();
        await using var clients = new Clients(dependency, services =>
            Clients.Add(services, "orders", dependency).AddFaultInjection(f => f.AddFault(outage).AddFault(warming)));
        await clients.WarmUpAsync(dependency);

        // The profile's schedules run from the client's first resolution: read the clock just before it.
        var profileStarted = TimeProvider.System.GetUtcNow();
        var scenario = LoadRun.Orders("orders", clients["orders"])
            .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)))
            .WithThresholds(Threshold.Dropped(0));
        if (Directory.Exists(ReportsFolder))
        {
            Directory.Delete(ReportsFolder, recursive: true);
        }

        ResilienceMeasures? measures = null;
        var (result, _) = await LoadRun.RunAsync(ReportsFolder, m => measures = m.MarkFaultWindows([outage], profileStarted), scenario);
        var s = result["orders"];
        output.WriteLine(s.Describe(dependency.Requests));
        foreach (var p in s.Timeline)
        {
            output.WriteLine($"  {p.StartSeconds,4:0} s  ok {p.Ok,3}/{p.Count,3}");
        }

        result.EnsureThresholdsPassed();
        var r = Assert.Single(measures!.Recoveries);
        output.WriteLine($"window {r.Window.StartSeconds:0.000}–{r.Window.EndSeconds:0.000} s, baseline {r.BaselineSuccessRate:P1}, back at {r.RecoveredAtSeconds:0.000} s: {r.TimeToRecoverSeconds:0.000} s");

        // The window sits where the schedule put it, shifted by the time between the client's first resolution and
        // the run's measured start (15–300 ms seen here, the run's init on a busy machine), and it is where the
        // calls failed: no call succeeded in a second that lies wholly inside it. The baseline before it is clean.
        Assert.InRange(r.Window.StartSeconds, 1.0, 2.0);
        var inside = s.Timeline.Where(p => p.StartSeconds >= r.Window.StartSeconds && p.StartSeconds + p.LengthSeconds <= r.Window.EndSeconds).ToList();
        Assert.NotEmpty(inside);
        Assert.All(inside, p => Assert.Equal(0, p.Ok));
        Assert.Equal(2.0, r.Window.LengthSeconds, 6);
        Assert.True(r.BaselineMeasured);
        Assert.Equal(1.0, r.BaselineSuccessRate);
        Assert.InRange(r.TimeToRecoverSeconds!.Value, 2.0 - 1.0, 2.0 + 1.0); // one timeline bucket either way
        Assert.Equal(r.TimeToRecoverSeconds.Value, s.Metric(ResilienceMeasures.TimeToRecover), 9);
        Assert.Equal(0, s.Metric(ResilienceMeasures.WindowsNotRecovered));

        // On the charts: the fault window (labelled with its recovery) and the recovery band after it.
        var fault = Assert.Single(s.Windows, w => w.Category == "fault");
        Assert.Equal("outage", fault.Label);
        var recovering = Assert.Single(s.Windows, w => w.Category == "recovery");
        Assert.Equal($"back in {r.TimeToRecoverSeconds:0.0} s", recovering.Label);
        Assert.Equal(r.Window.EndSeconds, recovering.StartSeconds, 6);
        Assert.Equal(r.RecoveredAtSeconds!.Value, recovering.EndSeconds, 6);
        string html = await File.ReadAllTextAsync(Path.Combine(ReportsFolder, "load-faults.html"));
        Assert.Contains("class=\"window\"", html, StringComparison.Ordinal);
        Assert.Contains(">back in ", html, StringComparison.Ordinal);
        string md = await File.ReadAllTextAsync(Path.Combine(ReportsFolder, "load-faults.md"));
        Assert.Contains("Fault windows and time to recover", md, StringComparison.Ordinal);
        string json = await File.ReadAllTextAsync(Path.Combine(ReportsFolder, "load-faults.json"));
        Assert.Contains("\"windows\"", json, StringComparison.Ordinal);
        Assert.Contains(ResilienceMeasures.TimeToRecover, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_load_a_client_ignoring_Retry_After_is_counted_on_every_early_retry_and_the_standard_handler_on_none()
    {
        await using var dependency = await Dependency.StartAsync();
        await using var clients = new Clients(dependency, services =>
        {
            foreach (var (name, honour) in new[] { ("honours", true), ("ignores", false) })
            {
                Clients.Add(services, name, dependency)
                    .AddStandardResilienceHandler(o =>
                    {
                        o.Retry.ShouldRetryAfterHeader = honour; // the only difference between the two clients
                        o.Retry.Delay = TimeSpan.FromMilliseconds(20);
                        o.Retry.UseJitter = false;
                        o.Retry.MaxRetryAttempts = 2;
                        o.CircuitBreaker.FailureRatio = 0.9; // 30 % of 503s must not open it: this test is about retries
                    })
                    .Services.AddHttpClient(name)
                    .AddFaultInjection(f => f.WithSeed(3).AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.3, retryAfter: TimeSpan.FromSeconds(1)));
            }
        });
        await clients.WarmUpAsync(dependency);
        var load = Simulation.Inject(40, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var (result, _) = await LoadRun.RunAsync(null,
            LoadRun.Orders("honours", clients["honours"]).WithLoadSimulations(load),
            LoadRun.Orders("ignores", clients["ignores"]).WithLoadSimulations(load));
        var honours = LoadRun.Recorder("honours");
        var ignores = LoadRun.Recorder("ignores");
        foreach (var (name, recorder) in new[] { ("honours", honours), ("ignores", ignores) })
        {
            output.WriteLine($"{name}: {result[name].Stats.Count} calls; {recorder.RetryAfterResponses} 503s with Retry-After, {recorder.AttemptsAfterRetryAfter} attempts after one, {recorder.RetryAfterViolations} early; metric {result[name].Metric(ResilienceMeasures.RetryAfterViolations)}");
        }

        foreach (var v in ignores.Evidence.Take(3))
        {
            output.WriteLine($"  evidence: {v.Method} {v.Uri} attempt {v.Attempt} after {v.StatusCode} Retry-After {v.RetryAfter}: {v.Early.TotalMilliseconds:0} ms early");
        }

        // The client that ignores Retry-After retries after 20 ms: every retry after a 503 is ≈ 980 ms early.
        var i = result["ignores"];
        Assert.True(i.Metric(ResilienceMeasures.RetryAfterViolations) > 10, $"violations {i.Metric(ResilienceMeasures.RetryAfterViolations)}");
        Assert.Equal(i.Metric(ResilienceMeasures.Retries), i.Metric(ResilienceMeasures.RetryAfterViolations)); // each retry followed a 503
        Assert.All(ignores.Evidence, v =>
        {
            Assert.Equal(503, v.StatusCode);
            Assert.Equal("1", v.RetryAfter);
            Assert.InRange(v.Early.TotalMilliseconds, 500, 1000);
        });
        Assert.Contains(i.Sections, section => section.Title.StartsWith("Retry-After", StringComparison.Ordinal) && section.Rows.Count > 3);

        // The standard handler waits what the header says: as many judged attempts, none early.
        var h = result["honours"];
        Assert.True(h.Metric(ResilienceMeasures.Retries) > 10, $"retries {h.Metric(ResilienceMeasures.Retries)}");
        Assert.Equal(0, h.Metric(ResilienceMeasures.RetryAfterViolations));
        Assert.True(h.Stats.Latency.P99Ms >= 900, $"honouring client's p99 {h.Stats.Latency.P99Ms} ms: its retries waited 1 s");
    }
}
