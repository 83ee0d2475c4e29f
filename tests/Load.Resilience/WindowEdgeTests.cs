using FaultLab.Load;
using FaultLab.Load.Resilience;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>Fault windows and recovery at their bounds: which faults mark a window, flapping, clipping, the baseline's span.</summary>
public sealed class WindowEdgeTests
{
    private static TimelinePoint Bucket(double start, long count, long ok, double length = 1) =>
        new() { StartSeconds = start, LengthSeconds = length, Count = count, Ok = ok, Fail = count - ok };

    private static List<TimelinePoint> Timeline(params double[] okShares) =>
        [.. okShares.Select((share, i) => Bucket(i, 100, (long)Math.Round(share * 100)))];

    private static FaultSchedule Window(double start, double? duration) =>
        new() { Start = TimeSpan.FromSeconds(start), Duration = duration is { } d ? TimeSpan.FromSeconds(d) : null };

    [Fact]
    public void A_window_s_length_is_its_end_minus_its_start()
    {
        Assert.Equal(2.5, new FaultWindow("x", 1.5, 4).LengthSeconds);
    }

    [Fact]
    public void Only_enabled_faults_that_fire_at_all_and_have_a_schedule_mark_windows()
    {
        Fault[] faults =
        [
            new OutageFault { Name = "never", InjectionRate = 0, Schedule = Window(1, 1) },
            new OutageFault { Name = "off", Enabled = false, Schedule = Window(1, 1) },
            new OutageFault { Name = "always" },
            new OutageFault { Name = "rare", InjectionRate = 0.01, Schedule = Window(2, 1) },
            new OutageFault { Schedule = Window(3, 1) },
        ];

        Assert.Equal([new FaultWindow("rare", 2, 3), new FaultWindow("Outage", 3, 4)], FaultWindow.FromSchedules(faults, TimeSpan.Zero, 10));
    }

    [Fact]
    public void A_window_without_a_duration_lasts_to_the_timeline_s_end()
    {
        Fault[] faults = [new OutageFault { Name = "open-ended", Schedule = Window(4, null) }];

        Assert.Equal([new FaultWindow("open-ended", 2, 8)], FaultWindow.FromSchedules(faults, TimeSpan.FromSeconds(2), 8));
        Assert.Equal([new FaultWindow("open-ended", 0, 3)], FaultWindow.FromSchedules(faults, TimeSpan.FromSeconds(5), 3));
    }

    [Fact]
    public void Flapping_marks_each_down_period_after_its_up_period_until_the_timeline_ends()
    {
        Fault[] faults = [new StatusFault { Name = "flap", StatusCode = 503, Schedule = new FaultSchedule { Start = TimeSpan.FromSeconds(1), Up = TimeSpan.FromSeconds(2), Down = TimeSpan.FromSeconds(1) } }];

        // Down at 3–4, 6–7, 9–10 (cut at 9.5); the period starting at 12 is past the end.
        Assert.Equal([new FaultWindow("flap", 3, 4), new FaultWindow("flap", 6, 7), new FaultWindow("flap", 9, 9.5)], FaultWindow.FromSchedules(faults, TimeSpan.Zero, 9.5));
        // Exactly at the end: a down period starting there is empty and left out.
        Assert.Equal([new FaultWindow("flap", 3, 4), new FaultWindow("flap", 6, 7)], FaultWindow.FromSchedules(faults, TimeSpan.Zero, 9));
    }

    [Fact]
    public void Flapping_with_no_up_nor_down_time_is_one_window()
    {
        Fault[] faults = [new StatusFault { Name = "flat", StatusCode = 503, Schedule = new FaultSchedule { Start = TimeSpan.FromSeconds(2), Duration = TimeSpan.FromSeconds(3), Up = TimeSpan.Zero, Down = TimeSpan.Zero } }];

        Assert.Equal([new FaultWindow("flat", 2, 5)], FaultWindow.FromSchedules(faults, TimeSpan.Zero, 10));
    }

    [Fact]
    public void Windows_are_ordered_by_start_and_a_negative_length_is_refused()
    {
        Fault[] faults = [new OutageFault { Name = "late", Schedule = Window(5, 1) }, new OutageFault { Name = "early", Schedule = Window(1, 1) }];

        Assert.Equal(["early", "late"], FaultWindow.FromSchedules(faults, TimeSpan.Zero, 10).Select(w => w.Fault));
        Assert.Empty(FaultWindow.FromSchedules(faults, TimeSpan.Zero, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultWindow.FromSchedules(faults, TimeSpan.Zero, -1));
        Assert.Throws<ArgumentNullException>(() => FaultWindow.FromSchedules(null!, TimeSpan.Zero, 1));
    }

    [Fact]
    public void The_baseline_is_the_buckets_wholly_between_the_previous_window_and_this_one()
    {
        // Window a 1–2; window b 5–6. b's baseline: buckets 2–3, 3–4, 4–5 (50 %, 70 %, 90 %), not 1–2 (inside a) nor 5–6.
        var timeline = Timeline(1, 0, 0.5, 0.7, 0.9, 0, 1);
        var b = WindowRecovery.Measure(timeline, [new FaultWindow("b", 5, 6), new FaultWindow("a", 1, 2)])[1];

        Assert.Equal("b", b.Window.Fault);
        Assert.Equal(0.7, b.BaselineSuccessRate, 9);
        Assert.Equal(6.0, b.RecoveredAtSeconds);

        // A bucket running into the window is not baseline: with the window at 4.5, 4–5 is left out.
        var half = Assert.Single(WindowRecovery.Measure(Timeline(0.5, 0.7, 0.9, 0.9, 0.2), [new FaultWindow("w", 4.5, 5)]));
        Assert.Equal(0.75, half.BaselineSuccessRate, 9);
    }

    [Fact]
    public void Empty_buckets_are_neither_baseline_nor_recovery()
    {
        var timeline = new List<TimelinePoint> { Bucket(0, 10, 10), Bucket(1, 0, 0), Bucket(2, 10, 0), Bucket(3, 0, 0), Bucket(4, 10, 10) };

        var r = Assert.Single(WindowRecovery.Measure(timeline, [new FaultWindow("w", 2, 3)]));

        Assert.Equal((1.0, true), (r.BaselineSuccessRate, r.BaselineMeasured));
        Assert.Equal(4.0, r.RecoveredAtSeconds);
    }

    [Fact]
    public void A_bucket_that_ends_with_the_window_is_not_recovery_and_one_starting_at_the_next_window_is_not_either()
    {
        // Window 1–2 then window 3–4; 2–3 is down. The bucket 1–2 (ok) ends with the window; 3–4 (ok) starts the next one.
        var timeline = new List<TimelinePoint> { Bucket(0, 10, 10), Bucket(1, 10, 10), Bucket(2, 10, 0), Bucket(3, 10, 10) };

        var first = WindowRecovery.Measure(timeline, [new FaultWindow("a", 1, 2), new FaultWindow("b", 3, 4)])[0];

        Assert.Null(first.RecoveredAtSeconds);
        Assert.Null(first.TimeToRecoverSeconds);
    }

    [Fact]
    public void A_next_window_that_overlaps_this_one_does_not_end_the_search()
    {
        var timeline = Timeline(1, 0, 0, 0, 1);

        var first = WindowRecovery.Measure(timeline, [new FaultWindow("a", 1, 3), new FaultWindow("b", 2, 4)])[0];

        Assert.Equal(4.0, first.RecoveredAtSeconds);
        Assert.Equal(1.0, first.TimeToRecoverSeconds);
    }

    [Fact]
    public void The_margin_is_0_to_1_and_defaults_to_5_points()
    {
        var timeline = Timeline(1, 0, 0.95, 1);

        Assert.Equal(2.0, Assert.Single(WindowRecovery.Measure(timeline, [new FaultWindow("w", 1, 2)])).RecoveredAtSeconds);
        Assert.Equal(0.05, Assert.Single(WindowRecovery.Measure(timeline, [new FaultWindow("w", 1, 2)])).Margin);
        Assert.Equal(2.0, Assert.Single(WindowRecovery.Measure(Timeline(1, 0, 0), [new FaultWindow("w", 1, 2)], margin: 1)).RecoveredAtSeconds);
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowRecovery.Measure(timeline, [], margin: -0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowRecovery.Measure(timeline, [], margin: 1.01));
        Assert.Throws<ArgumentNullException>(() => WindowRecovery.Measure(null!, []));
        Assert.Throws<ArgumentNullException>(() => WindowRecovery.Measure(timeline, null!));
        Assert.Empty(WindowRecovery.Measure(timeline, []));
    }
}
