using FaultLab.Testing;
using static FaultLab.Testing.Tests.Verdicts.Exchanges;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>Rule 5 at its edges: the quarters' bounds and a fall of exactly 90 %.</summary>
public sealed class StopsHammeringOutageTests
{
    private static readonly DateTimeOffset End = Instant(4);

    /// <summary><paramref name="early"/> attempts in the first second of a 4 s outage, <paramref name="late"/> in its last.</summary>
    private static DependencyExchange[] Outage(int early, int late) =>
    [
        .. Enumerable.Range(0, early).Select(i => At(i + 1, i * (1.0 / early), outcome: ExchangeOutcome.NotConnected)),
        .. Enumerable.Range(0, late).Select(i => At(early + i + 1, 3 + (i * (1.0 / late)), outcome: ExchangeOutcome.NotConnected)),
    ];

    [Fact]
    public void A_fall_of_exactly_90_percent_passes()
    {
        var verdict = ConformanceRules.StopsHammeringOutage(Outage(10, 1), T0, End);

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Equal("attempts per second fell 90 % during the outage", verdict.Summary);
        Assert.Equal(
        [
            "first quarter (+0.000 s to +1.000 s): 10.00 attempts/s",
            "last quarter (+3.000 s to +4.000 s): 1.00 attempts/s",
            "fall 90 % (required 90 %)",
        ], verdict.Evidence);
    }

    [Fact]
    public void A_fall_short_of_90_percent_fails_and_a_rise_fails_too()
    {
        var short80 = ConformanceRules.StopsHammeringOutage(Outage(10, 2), T0, End);
        var rise = ConformanceRules.StopsHammeringOutage(Outage(2, 4), T0, End);

        Assert.Equal(VerdictOutcome.Fail, short80.Outcome);
        Assert.Equal("attempts per second fell only 80 % (from 10.00/s to 2.00/s): the client keeps hammering a dead dependency", short80.Summary);
        Assert.Equal(VerdictOutcome.Fail, rise.Outcome);
        Assert.Equal("fall -100 % (required 90 %)", rise.Evidence[2]);
    }

    [Fact]
    public void A_quarter_includes_its_start_and_excludes_its_end()
    {
        // At +0 (first quarter), +1 (neither: the first quarter ends there), +3 (last quarter), +4 (neither: the outage is over).
        var verdict = ConformanceRules.StopsHammeringOutage(
            [At(1, 0, 503), At(2, 1, 503), At(3, 2, 503), At(4, 3, 503), At(5, 4, 503)], T0, End);

        Assert.Equal("first quarter (+0.000 s to +1.000 s): 1.00 attempts/s", verdict.Evidence[0]);
        Assert.Equal("last quarter (+3.000 s to +4.000 s): 1.00 attempts/s", verdict.Evidence[1]);
        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
    }

    [Fact]
    public void Attempts_before_the_outage_do_not_count_and_no_early_attempt_cannot_be_judged()
    {
        var verdict = ConformanceRules.StopsHammeringOutage([At(1, -0.5, 503), At(2, 1.5, 503), At(3, 3.5, 503)], T0, End);

        Assert.Equal(VerdictOutcome.NotApplicable, verdict.Outcome);
        Assert.Equal("no attempt reached the dependency early in the outage", verdict.Summary);
        Assert.Empty(verdict.Evidence);
    }

    [Fact]
    public void An_outage_must_last()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConformanceRules.StopsHammeringOutage([], T0, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConformanceRules.StopsHammeringOutage([], T0, Instant(-1)));
    }
}
