using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing;

/// <summary>
/// Judges the seven rules for one matrix: from its rows where a row already shows the behaviour (Retry-After, a hang,
/// an expired token), and from a few scenarios of its own where one call cannot (a POST under a reset and a hang, runs of
/// a dependency that keeps failing, a stream of calls through an outage and against a rate limit).
/// </summary>
internal sealed class ConformanceSuite(ResilienceMatrix matrix, IReadOnlyList<MatrixRow> rows)
{
    /// <summary>The outage the stream of rule 5 runs through.</summary>
    public static readonly TimeSpan OutageWindow = TimeSpan.FromMinutes(1);

    /// <summary>The calls per second of rule 5's stream.</summary>
    public static readonly TimeSpan OutageCallInterval = TimeSpan.FromSeconds(1);

    /// <summary>The advertised limit of rule 7's stream: 5 per second, and calls arrive at 10 per second for 3 s.</summary>
    public const int RateLimitPermits = 5;

    private static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<Verdict>> JudgeAsync(CancellationToken cancellationToken) =>
    [
        RetryAfter(),
        await UnsafeRetryAsync(cancellationToken).ConfigureAwait(false),
        await BackoffAsync(cancellationToken).ConfigureAwait(false),
        await BoundedAsync(cancellationToken).ConfigureAwait(false),
        await OutageAsync(cancellationToken).ConfigureAwait(false),
        InvalidToken(),
        await RateLimitAsync(cancellationToken).ConfigureAwait(false),
    ];

    private Verdict RetryAfter() => Combine(ConformanceRule.RespectsRetryAfter, rows.Select(r => (r.Variant.Name, ConformanceRules.RespectsRetryAfter(r.Exchanges))));

    private Verdict InvalidToken() => Combine(ConformanceRule.ReplacesInvalidToken, rows.Select(r => (r.Variant.Name, ConformanceRules.ReplacesInvalidToken(r.Exchanges))));

    private async Task<Verdict> UnsafeRetryAsync(CancellationToken cancellationToken)
    {
        var results = new List<(string, Verdict)>();
        foreach (var (name, faults) in new (string, Action<FaultInjectionBuilder>)[]
        {
            ("POST, reset before headers", f => f.AddScript(s => s.ConnectionReset())),
            ("POST, hang", f => f.AddScript(s => s.Hang())),
        })
        {
            await using var scenario = matrix.NewScenario(faults);
            if (scenario.Client.UnsafeCall is not { } post)
            {
                return Verdict.NotApplicable(ConformanceRule.NoUnsafeRetry, "no POST/PATCH call was given (WithUnsafeCall)");
            }

            await scenario.RunAsync(post, cancellationToken).ConfigureAwait(false);
            results.Add((name, ConformanceRules.NoUnsafeRetry(scenario.Recorder.Exchanges)));
        }

        return Combine(ConformanceRule.NoUnsafeRetry, results);
    }

    private async Task<Verdict> BackoffAsync(CancellationToken cancellationToken)
    {
        var runs = new List<IEnumerable<DependencyExchange>>();
        for (int i = 0; i < matrix.BackoffRuns; i++)
        {
            // A dependency that keeps answering 503 without Retry-After: the client's own delays are all there is to see.
            await using var scenario = matrix.NewScenario(f => f.AddScript(s => s.Status(HttpStatusCode.ServiceUnavailable).ThenRepeatLastStep()));
            await scenario.RunAsync(scenario.Client.Call, cancellationToken).ConfigureAwait(false);
            runs.Add(scenario.Recorder.Exchanges);
        }

        return ConformanceRules.BackoffWithJitter(runs);
    }

    private async Task<Verdict> BoundedAsync(CancellationToken cancellationToken)
    {
        // A dependency that never answers any attempt: only the client's own timeouts can end the call.
        await using var scenario = matrix.NewScenario(f => f.AddHang());
        var run = await scenario.RunAsync(scenario.Client.Call, cancellationToken).ConfigureAwait(false);
        return ConformanceRules.BoundedTime(scenario.Recorder.Exchanges, run.Started, run.EndedAt, run.Started + run.Elapsed, matrix.TimeBudget);
    }

    private async Task<Verdict> OutageAsync(CancellationToken cancellationToken)
    {
        if (matrix.RealTime)
        {
            return Verdict.NotApplicable(ConformanceRule.StopsHammeringOutage, "a one-minute stream of calls needs the test clock");
        }

        await using var scenario = matrix.NewScenario(f => f.AddOutage(TimeSpan.Zero, OutageWindow, OutageFailure.ConnectionRefused));
        DateTimeOffset start = scenario.Clock.GetUtcNow();
        int calls = (int)(OutageWindow / OutageCallInterval);
        await scenario.RunStreamAsync(scenario.Client.Call, OutageCallInterval, calls, cancellationToken).ConfigureAwait(false);
        return ConformanceRules.StopsHammeringOutage(scenario.Recorder.Exchanges, start, start + OutageWindow);
    }

    private async Task<Verdict> RateLimitAsync(CancellationToken cancellationToken)
    {
        if (matrix.RealTime)
        {
            return Verdict.NotApplicable(ConformanceRule.StaysWithinRateLimit, "a stream of calls against the limit needs the test clock");
        }

        await using var scenario = matrix.NewScenario(f => f.AddRateLimit(RateLimitPermits, RateLimitWindow));
        await scenario.RunStreamAsync(scenario.Client.Call, TimeSpan.FromMilliseconds(100), 30, cancellationToken).ConfigureAwait(false);
        return ConformanceRules.StaysWithinRateLimit(scenario.Recorder.Exchanges, RateLimitWindow);
    }

    /// <summary>One verdict from several scenarios: fails if any failed, passes if any passed, else not applicable.</summary>
    private static Verdict Combine(ConformanceRule rule, IEnumerable<(string Scenario, Verdict Verdict)> verdicts)
    {
        var all = verdicts.ToList();
        var failed = all.Where(v => v.Verdict.Failed).ToList();
        var passed = all.Where(v => v.Verdict.Outcome == VerdictOutcome.Pass).ToList();
        var chosen = failed.Count > 0 ? failed : passed;
        if (chosen.Count == 0)
        {
            return all.Count > 0 ? all[0].Verdict : Verdict.NotApplicable(rule, "no scenario ran");
        }

        string summary = string.Join("; ", chosen.Select(v => $"{v.Scenario}: {v.Verdict.Summary}"));
        var evidence = chosen.SelectMany(v => v.Verdict.Evidence.Select(e => $"[{v.Scenario}] {e}"));
        return new Verdict(rule, failed.Count > 0 ? VerdictOutcome.Fail : VerdictOutcome.Pass, summary, [.. evidence]);
    }
}
