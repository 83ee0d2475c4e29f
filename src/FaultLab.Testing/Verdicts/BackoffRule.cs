namespace FaultLab.Testing;

public static partial class ConformanceRules
{
    // Two delays closer than this are "the same": fake timers keep whole milliseconds.
    private static readonly TimeSpan SameDelay = TimeSpan.FromMilliseconds(1);

    /// <summary>A retry sooner than this after its failure counts as immediate: no backoff.</summary>
    public static readonly TimeSpan ImmediateRetry = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Rule 3: the delays between a failed attempt and its retry grow (on average over the runs, the last is longer than the first),
    /// and are jittered (runs of the same scenario do not all wait the same delays). Delays a <c>Retry-After</c> dictated
    /// are left out. Give two or more runs of one scenario to judge jitter; with one run only growth is judged.
    /// Not applicable when no run retried.
    /// </summary>
    /// <param name="runs">What the dependency saw in each run of the same scenario (for example a dependency that keeps failing).</param>
    /// <returns>The verdict; its evidence lists each run's delays.</returns>
    public static Verdict BackoffWithJitter(IReadOnlyList<IEnumerable<DependencyExchange>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var delays = runs.Select(RetryDelays).Where(d => d.Count > 0).ToList();
        if (delays.Count == 0)
        {
            return Verdict.NotApplicable(ConformanceRule.BackoffWithJitter, "no run retried a failed attempt (without a Retry-After)");
        }

        var evidence = delays.Select((d, i) => $"run {i + 1}: retried after {string.Join(", ", d.Select(Seconds))}").ToList();
        // Retrying at once is no backoff at all, and on real time what is left is scheduling noise, not a schedule to judge.
        if (delays.SelectMany(d => d).All(d => d < ImmediateRetry))
        {
            return Verdict.Fail(ConformanceRule.BackoffWithJitter, $"no backoff: every retry came within {Seconds(ImmediateRetry)} of the failure it followed", evidence);
        }

        var problems = new List<string>();
        var growing = delays.Where(d => d.Count >= 2).ToList();
        // Averaged over the runs: decorrelated jitter (Polly's) lets one run's last delay come out shorter than its first
        // while the delays still grow on average; a fixed or shrinking schedule does not grow on any average.
        if (growing.Count > 0 && growing.Average(d => d[^1].TotalMilliseconds) <= growing.Average(d => d[0].TotalMilliseconds) + SameDelay.TotalMilliseconds)
        {
            problems.Add(growing.Count == 1
                ? "delays do not grow: the last retry waited no longer than the first"
                : $"delays do not grow: over {growing.Count} runs the last retry waited no longer than the first, on average");
        }

        bool judgedJitter = delays.Count >= 2;
        if (judgedJitter && delays.Skip(1).All(d => SameDelays(d, delays[0])))
        {
            problems.Add($"no jitter: all {delays.Count} runs waited the same delays, so many clients would retry in lockstep");
        }

        if (problems.Count > 0)
        {
            return Verdict.Fail(ConformanceRule.BackoffWithJitter, string.Join("; ", problems), evidence);
        }

        if (growing.Count == 0 && !judgedJitter)
        {
            return Verdict.NotApplicable(ConformanceRule.BackoffWithJitter, "one retry in one run: neither growth nor jitter can be judged");
        }

        string summary = (growing.Count > 0, judgedJitter) switch
        {
            (true, true) => $"delays grow and differ between {delays.Count} runs",
            (true, false) => "delays grow (one run: jitter not judged)",
            _ => $"delays differ between {delays.Count} runs (one retry each: growth not judged)",
        };
        return Verdict.Pass(ConformanceRule.BackoffWithJitter, summary, evidence);
    }

    /// <summary>The waits between each failed attempt (that did not dictate a wait itself) and the next attempt of its call.</summary>
    private static List<TimeSpan> RetryDelays(IEnumerable<DependencyExchange> run)
    {
        var ordered = Ordered(run);
        var delays = new List<TimeSpan>();
        for (int i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            // Not a pattern variable of the condition: mutating the condition must still compile (see MatrixReport.Html).
            DependencyExchange? next = e.Failed && e.ResponseHeader("Retry-After") is null ? Later(ordered, i).FirstOrDefault() : null;
            if (next is null)
            {
                continue;
            }

            delays.Add(next.At - (e.EndedAt ?? e.At));
        }

        return delays;
    }

    private static bool SameDelays(List<TimeSpan> a, List<TimeSpan> b) =>
        a.Count == b.Count && a.Zip(b).All(p => (p.First - p.Second).Duration() < SameDelay);
}
