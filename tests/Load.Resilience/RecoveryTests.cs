using FaultLab.Load;
using FaultLab.Load.Resilience;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>Time to recover and fault windows on scripted timelines: no load, no clock, exact expectations.</summary>
public sealed class RecoveryTests
{
    /// <summary>A one-second-bucket timeline with <paramref name="okShares"/>[i] of 100 calls ok in second i.</summary>
    private static List<TimelinePoint> Timeline(params double[] okShares) =>
        [.. okShares.Select((share, i) => new TimelinePoint
        {
            StartSeconds = i, LengthSeconds = 1, Count = 100, Ok = (long)Math.Round(share * 100), Fail = 100 - (long)Math.Round(share * 100),
        })];

    [Fact]
    public void A_bare_client_is_back_in_the_first_second_after_a_3_s_outage()
    {
        var timeline = Timeline(1, 1, 1, 0, 0, 0, 1, 1, 1, 1);
        var r = Assert.Single(WindowRecovery.Measure(timeline, [new FaultWindow("outage", 3, 6)]));
        Assert.Equal(1.0, r.BaselineSuccessRate);
        Assert.True(r.BaselineMeasured);
        Assert.Equal(6.0, r.RecoveredAtSeconds);
        Assert.Equal(0.0, r.TimeToRecoverSeconds);
    }

    [Fact]
    public void A_client_that_stays_broken_2_s_after_the_window_takes_2_s_to_recover()
    {
        // Outage 3–6 s; the client fails on until 8 s (say, a breaker that stays open), then is back.
        var timeline = Timeline(1, 1, 1, 0, 0, 0, 0, 0.3, 1, 1);
        var r = Assert.Single(WindowRecovery.Measure(timeline, [new FaultWindow("outage", 3, 6)]));
        Assert.Equal(8.0, r.RecoveredAtSeconds);
        Assert.Equal(2.0, r.TimeToRecoverSeconds);
    }

    [Fact]
    public void A_window_ending_inside_a_bucket_counts_from_its_end_to_the_next_bucket_that_is_back()
    {
        // The window ends at 6.4 s: the 6–7 s bucket is 40 % down, the 7–8 s bucket is back: 0.6 s, one bucket's resolution.
        var timeline = Timeline(1, 1, 1, 0, 0, 0, 0.6, 1, 1, 1);
        var r = Assert.Single(WindowRecovery.Measure(timeline, [new FaultWindow("outage", 3, 6.4)]));
        Assert.Equal(7.0, r.RecoveredAtSeconds);
        Assert.Equal(0.6, r.TimeToRecoverSeconds!.Value, 9);
    }

    [Fact]
    public void Back_means_within_the_margin_of_the_baseline_before_the_window_not_100_percent()
    {
        // 90 % before the window (a flaky dependency anyway). Margin 5 points: 86 % is not back, 85 % is.
        var timeline = Timeline(0.9, 0.9, 0.0, 0.84, 0.85, 0.9);
        var r = Assert.Single(WindowRecovery.Measure(timeline, [new FaultWindow("outage", 2, 3)], margin: 0.05));
        Assert.Equal(0.9, r.BaselineSuccessRate, 9);
        Assert.Equal(4.0, r.RecoveredAtSeconds);
        Assert.Equal(1.0, r.TimeToRecoverSeconds);

        var strict = Assert.Single(WindowRecovery.Measure(timeline, [new FaultWindow("outage", 2, 3)], margin: 0));
        Assert.Equal(5.0, strict.RecoveredAtSeconds);
    }

    [Fact]
    public void A_fallback_that_kept_the_caller_whole_recovers_in_zero_seconds()
    {
        var r = Assert.Single(WindowRecovery.Measure(Timeline(1, 1, 1, 1, 1), [new FaultWindow("outage", 1.5, 3.5)]));
        Assert.Equal(3.5, r.RecoveredAtSeconds);
        Assert.Equal(0.0, r.TimeToRecoverSeconds);
    }

    [Fact]
    public void No_recovery_before_the_next_window_or_the_end_of_the_run_is_reported_as_none()
    {
        var timeline = Timeline(1, 0, 0.5, 0.5, 0, 0, 1, 0, 0);
        var recoveries = WindowRecovery.Measure(timeline, [new FaultWindow("a", 1, 2), new FaultWindow("b", 4, 6), new FaultWindow("c", 7, 9)]);
        Assert.Null(recoveries[0].TimeToRecoverSeconds); // 2–4 s at 50 %, then window b
        Assert.Equal(0.0, recoveries[1].TimeToRecoverSeconds); // 6–7 s back, against the baseline 2–4 s (50 %)
        Assert.Equal(0.5, recoveries[1].BaselineSuccessRate, 9);
        Assert.Null(recoveries[2].TimeToRecoverSeconds); // the run ends inside c
    }

    [Fact]
    public void Without_calls_before_the_window_100_percent_is_assumed_and_said()
    {
        var r = Assert.Single(WindowRecovery.Measure(Timeline(0, 0.97, 1), [new FaultWindow("outage", 0, 1)]));
        Assert.False(r.BaselineMeasured);
        Assert.Equal(1.0, r.BaselineSuccessRate);
        Assert.Equal(0.0, r.TimeToRecoverSeconds);
    }

    [Fact]
    public void Windows_come_from_schedules_shifted_onto_the_timeline_and_clipped_to_it()
    {
        var profile = new FaultInjectionOptions();
        profile.Faults.Add(new OutageFault { Name = "outage", Schedule = new FaultSchedule { Start = TimeSpan.FromSeconds(3), Duration = TimeSpan.FromSeconds(2) } });
        profile.Faults.Add(new StatusFault { Name = "burst", StatusCode = 503, InjectionRate = 0.5, Schedule = new FaultSchedule { Up = TimeSpan.FromSeconds(3), Down = TimeSpan.FromSeconds(1) } });
        profile.Faults.Add(new StatusFault { Name = "always", StatusCode = 503, InjectionRate = 0.1 }); // no schedule: no window
        profile.Faults.Add(new OutageFault { Name = "off", Enabled = false, Schedule = new FaultSchedule { Start = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1) } });

        // The timeline began 0.5 s after the profile (init and warm-up), and lasts 9 s.
        var windows = FaultWindow.FromSchedules(profile.Faults, TimeSpan.FromSeconds(0.5), 9);

        Assert.Equal(
        [
            new FaultWindow("burst", 2.5, 3.5),
            new FaultWindow("outage", 2.5, 4.5),
            new FaultWindow("burst", 6.5, 7.5),
        ], windows.OrderBy(w => w.StartSeconds).ThenBy(w => w.Fault, StringComparer.Ordinal));

        // A window running past the timeline's end is cut at it; one before its start is left out.
        var late = FaultWindow.FromSchedules(profile.Faults.Take(1), TimeSpan.FromSeconds(4), 9);
        Assert.Equal([new FaultWindow("outage", 0, 1)], late);
        Assert.Empty(FaultWindow.FromSchedules(profile.Faults.Take(1), TimeSpan.FromSeconds(6), 9));
    }
}
