using System.Net;

namespace FaultLab.Cli.Demo;

/// <summary>
/// The demo's default chaos: every failure cause of the design card, placed on a timeline proportional to the run
/// so any <c>--duration</c> shows the same story (times below are for the default 30 s run).
/// </summary>
internal static class DemoProfile
{
    public static void Configure(FaultInjectionBuilder faults, TimeSpan duration, int seed, double rate)
    {
        TimeSpan At(double share) => TimeSpan.FromMilliseconds(duration.TotalMilliseconds * share);

        faults.WithSeed(seed)
            // Long-tailed latency on a third of the calls: p50 20 ms, p99 400 ms.
            .AddLatency(l => { l.Name = "slow-dependency"; l.P50 = TimeSpan.FromMilliseconds(20); l.P99 = TimeSpan.FromMilliseconds(400); l.InjectionRate = 0.3; })
            // A DNS blip at 20 % for 3 %: the name stops resolving.
            .AddOutage(o => { o.Name = "dns-blip"; o.Failure = OutageFailure.DnsFailure; o.Schedule = new FaultSchedule { Start = At(0.20), Duration = At(0.03) }; })
            // The dependency is down (connection refused) from 50 % for 12 %: long enough for a breaker to open.
            .AddOutage(o => { o.Name = "outage"; o.Failure = OutageFailure.ConnectionRefused; o.Schedule = new FaultSchedule { Start = At(0.50), Duration = At(0.12) }; })
            // Bursts of 503 + Retry-After: down 1 s in every 7 s, half the calls then.
            .AddStatus(s =>
            {
                s.Name = "5xx-burst";
                s.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
                s.RetryAfter = TimeSpan.FromSeconds(1);
                s.InjectionRate = 0.5;
                s.Schedule = new FaultSchedule { Up = TimeSpan.FromSeconds(6), Down = TimeSpan.FromSeconds(1) };
            })
            // The server allows 120 % of the offered rate per 1 s window: only bursts of retries push a client over it.
            .AddRateLimit(r => { r.Name = "rate-limit"; r.PermitLimit = Math.Max(1, (int)Math.Ceiling(rate * 1.2)); r.Window = TimeSpan.FromSeconds(1); })
            // Tokens die on the server a third of the run after first use (clients were told they last longer).
            .AddExpiredToken(t => { t.Name = "token-expiry"; t.TokenLifetime = At(1.0 / 3); });
    }
}
