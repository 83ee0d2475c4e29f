namespace FaultLab.Testing;

public static partial class ConformanceRules
{
    /// <summary>
    /// Rule 4: a call whose dependency hangs ends — within <paramref name="budget"/> when one is given — instead of waiting
    /// forever. Judged from when the call started and ended (<see langword="null"/>: still pending when observation
    /// stopped), with the attempts as evidence.
    /// </summary>
    /// <param name="exchanges">What the dependency saw during the call.</param>
    /// <param name="callStarted">When the call started.</param>
    /// <param name="callEnded">When it ended; <see langword="null"/> when it was still pending.</param>
    /// <param name="observedUntil">When observation stopped (the end of the run).</param>
    /// <param name="budget">The most the call may take; any finite end passes when omitted.</param>
    /// <returns>The verdict.</returns>
    public static Verdict BoundedTime(IEnumerable<DependencyExchange> exchanges, DateTimeOffset callStarted, DateTimeOffset? callEnded,
        DateTimeOffset observedUntil, TimeSpan? budget = null)
    {
        var ordered = Ordered(exchanges);
        var evidence = ordered.Select(e => e.EndedAt is { } end
            ? $"{e.Describe(callStarted)}, ended after {Seconds(end - e.At)}"
            : $"attempt {e.Attempt} ({e.Method} {e.Path}) at {DependencyExchange.Offset(e.At, callStarted)}: never ended").ToList();
        if (ordered.Count == 0)
        {
            return Verdict.NotApplicable(ConformanceRule.BoundedTime, "the dependency saw no attempt");
        }

        if (callEnded is not { } ended)
        {
            return Verdict.Fail(ConformanceRule.BoundedTime,
                $"the call was still waiting when observation stopped, {Seconds(observedUntil - callStarted)} in: nothing in the client ended it", evidence);
        }

        TimeSpan took = ended - callStarted;
        if (budget is { } limit && took > limit)
        {
            return Verdict.Fail(ConformanceRule.BoundedTime, $"the call took {Seconds(took)}, over its budget of {Seconds(limit)}", evidence);
        }

        return Verdict.Pass(ConformanceRule.BoundedTime,
            budget is { } b ? $"the call ended after {Seconds(took)}, within {Seconds(b)}" : $"the call ended after {Seconds(took)}", evidence);
    }
}
