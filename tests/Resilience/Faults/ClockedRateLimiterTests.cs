using System.Threading.RateLimiting;
using FaultLab.RateLimiting;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

/// <summary>The three rate-limit algorithms on the fake clock, at their exact edges: the last permit, the refill or
/// window boundary (one tick before, exactly on it), and the times they announce.</summary>
public sealed class ClockedRateLimiterTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void Fixed_window_counts_permits_down_to_zero_and_refuses_the_next()
    {
        var clock = Clock.New();
        var limiter = new FixedWindowClockedLimiter(clock, 3, TimeSpan.FromSeconds(10));

        Assert.Equal(3, limiter.Limit);
        Assert.Equal(3, Available(limiter));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.Equal(2, Available(limiter));
        Assert.True(limiter.AttemptAcquire(2).IsAcquired); // exactly the rest: 1 + 2 == 3 is within the limit
        Assert.Equal(0, Available(limiter));
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        var statistics = limiter.GetStatistics()!;
        Assert.Equal(2, statistics.TotalSuccessfulLeases);
        Assert.Equal(1, statistics.TotalFailedLeases);
        Assert.Equal(0, statistics.CurrentAvailablePermits);
        Assert.Null(limiter.IdleDuration);
    }

    [Fact]
    public void Fixed_window_refuses_a_request_for_more_permits_than_are_left()
    {
        var clock = Clock.New();
        var limiter = new FixedWindowClockedLimiter(clock, 3, TimeSpan.FromSeconds(10));
        Assert.True(limiter.AttemptAcquire(2).IsAcquired);

        Assert.False(limiter.AttemptAcquire(2).IsAcquired);
        Assert.Equal(1, Available(limiter));
    }

    [Fact]
    public void Fixed_window_restores_the_quota_exactly_at_the_window_boundary_not_a_tick_before()
    {
        var clock = Clock.New();
        var limiter = new FixedWindowClockedLimiter(clock, 2, TimeSpan.FromSeconds(10));
        limiter.AttemptAcquire(2);

        clock.Advance(TimeSpan.FromSeconds(10) - Tick);
        Assert.Equal(0, Available(limiter));
        Assert.Equal(Tick, limiter.TimeUntilNextPermit());
        Assert.Equal(Tick, limiter.TimeUntilReset());

        clock.Advance(Tick);
        Assert.Equal(2, Available(limiter));
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilNextPermit());
        Assert.Equal(TimeSpan.FromSeconds(10), limiter.TimeUntilReset()); // the next window's end
    }

    [Fact]
    public void Fixed_window_announces_the_time_left_in_the_window_only_once_the_quota_is_used_up()
    {
        var clock = Clock.New();
        var limiter = new FixedWindowClockedLimiter(clock, 2, TimeSpan.FromSeconds(10));
        limiter.AttemptAcquire();
        clock.Advance(TimeSpan.FromSeconds(6.5));

        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilNextPermit()); // one permit is still free
        Assert.Equal(TimeSpan.FromSeconds(3.5), limiter.TimeUntilReset());

        limiter.AttemptAcquire();
        Assert.Equal(TimeSpan.FromSeconds(3.5), limiter.TimeUntilNextPermit());
    }

    [Fact]
    public void Fixed_window_skipping_several_windows_starts_the_current_one_full()
    {
        var clock = Clock.New();
        var limiter = new FixedWindowClockedLimiter(clock, 2, TimeSpan.FromSeconds(10));
        limiter.AttemptAcquire(2);

        clock.Advance(TimeSpan.FromSeconds(37));
        Assert.Equal(2, Available(limiter));
        Assert.Equal(TimeSpan.FromSeconds(3), limiter.TimeUntilReset()); // window 3 ends at 40 s
        Assert.True(limiter.AttemptAcquire(2).IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void A_refused_lease_carries_retry_after_metadata_equal_to_the_time_until_the_next_permit()
    {
        var clock = Clock.New();
        var limiter = new FixedWindowClockedLimiter(clock, 1, TimeSpan.FromSeconds(10));
        using var granted = limiter.AttemptAcquire();
        clock.Advance(TimeSpan.FromSeconds(4));

        using var refused = limiter.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.Equal([MetadataName.RetryAfter.Name], refused.MetadataNames);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(6), retryAfter);
        Assert.False(refused.TryGetMetadata(MetadataName.ReasonPhrase.Name, out _));

        Assert.True(granted.IsAcquired);
        Assert.Empty(granted.MetadataNames);
        Assert.False(granted.TryGetMetadata(MetadataName.RetryAfter.Name, out object? none));
        Assert.Null(none);
    }

    [Fact]
    public async Task Acquiring_asynchronously_answers_at_once_like_a_server_no_queue()
    {
        var clock = Clock.New();
        var limiter = new FixedWindowClockedLimiter(clock, 1, TimeSpan.FromSeconds(10));

        using var first = await limiter.AcquireAsync();
        using var second = await limiter.AcquireAsync();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.Equal(1, limiter.GetStatistics()!.TotalFailedLeases);
    }

    [Fact]
    public void Token_bucket_starts_full_and_takes_exactly_the_tokens_it_has()
    {
        var clock = Clock.New();
        var limiter = new TokenBucketClockedLimiter(clock, 3, TimeSpan.FromSeconds(1), 1);

        Assert.Equal(3, limiter.Limit);
        Assert.Equal(3, Available(limiter));
        Assert.True(limiter.AttemptAcquire(2).IsAcquired);
        Assert.False(limiter.AttemptAcquire(2).IsAcquired); // one token left, two asked for
        Assert.True(limiter.AttemptAcquire(1).IsAcquired); // exactly the last token
        Assert.Equal(0, Available(limiter));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Token_bucket_adds_its_tokens_exactly_at_the_period_boundary()
    {
        var clock = Clock.New();
        var limiter = new TokenBucketClockedLimiter(clock, 2, TimeSpan.FromSeconds(1), 1);
        limiter.AttemptAcquire(2);
        clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.FromMilliseconds(700), limiter.TimeUntilNextPermit());
        Assert.Equal(TimeSpan.FromMilliseconds(1700), limiter.TimeUntilReset()); // two tokens missing, one per period

        clock.Advance(TimeSpan.FromMilliseconds(700) - Tick);
        Assert.Equal(0, Available(limiter));
        Assert.Equal(Tick, limiter.TimeUntilNextPermit());

        clock.Advance(Tick);
        Assert.Equal(1, Available(limiter));
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilNextPermit());
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TimeUntilReset());
    }

    [Fact]
    public void Token_bucket_refills_one_share_per_elapsed_period_and_never_above_its_size()
    {
        var clock = Clock.New();
        var limiter = new TokenBucketClockedLimiter(clock, 10, TimeSpan.FromSeconds(1), 2);
        limiter.AttemptAcquire(10);

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(6, Available(limiter)); // three periods of two tokens
        limiter.AttemptAcquire(5);
        Assert.Equal(1, Available(limiter));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(5, Available(limiter)); // two more periods on top of the one left: the periods are counted from the last refill

        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(10, Available(limiter));
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilReset());
    }

    [Fact]
    public void Token_bucket_reset_rounds_the_missing_tokens_up_to_whole_periods()
    {
        var clock = Clock.New();
        var limiter = new TokenBucketClockedLimiter(clock, 5, TimeSpan.FromSeconds(1), 3);
        limiter.AttemptAcquire(5);
        clock.Advance(TimeSpan.FromMilliseconds(250));

        // Five missing at three a period: two periods, the first ending at the next boundary (0.75 s away).
        Assert.Equal(TimeSpan.FromMilliseconds(1750), limiter.TimeUntilReset());

        clock.Advance(TimeSpan.FromMilliseconds(750));
        Assert.Equal(3, Available(limiter));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TimeUntilReset()); // two missing: one period
    }

    [Fact]
    public void A_full_token_bucket_is_already_reset_even_between_boundaries()
    {
        var clock = Clock.New();
        var limiter = new TokenBucketClockedLimiter(clock, 2, TimeSpan.FromSeconds(1), 1);
        clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilReset());
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilNextPermit());
    }

    [Fact]
    public void Sliding_window_counts_every_permit_still_inside_the_window()
    {
        var clock = Clock.New();
        var limiter = new SlidingWindowClockedLimiter(clock, 3, TimeSpan.FromSeconds(4), 4);

        Assert.Equal(3, limiter.Limit);
        Assert.True(limiter.AttemptAcquire().IsAcquired); // segment 0
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired); // segment 1
        Assert.Equal(1, Available(limiter));
        Assert.False(limiter.AttemptAcquire(2).IsAcquired);
        Assert.True(limiter.AttemptAcquire(1).IsAcquired); // exactly the last permit
        Assert.Equal(0, Available(limiter));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Sliding_window_frees_the_oldest_segment_exactly_when_it_slides_out()
    {
        var clock = Clock.New();
        var limiter = new SlidingWindowClockedLimiter(clock, 2, TimeSpan.FromSeconds(4), 4);
        limiter.AttemptAcquire(); // segment 0: slides out at 4 s
        clock.Advance(TimeSpan.FromSeconds(2));
        limiter.AttemptAcquire(); // segment 2: slides out at 6 s

        Assert.Equal(TimeSpan.FromSeconds(2), limiter.TimeUntilNextPermit());
        Assert.Equal(TimeSpan.FromSeconds(4), limiter.TimeUntilReset());

        clock.Advance(TimeSpan.FromSeconds(2) - Tick);
        Assert.Equal(0, Available(limiter));
        Assert.Equal(Tick, limiter.TimeUntilNextPermit());

        clock.Advance(Tick);
        Assert.Equal(1, Available(limiter));
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilNextPermit());
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.TimeUntilReset());

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, Available(limiter));
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilReset());
    }

    [Fact]
    public void Sliding_window_points_at_the_oldest_segment_that_holds_permits_and_resets_with_the_newest()
    {
        var clock = Clock.New();
        var limiter = new SlidingWindowClockedLimiter(clock, 3, TimeSpan.FromSeconds(4), 4);
        clock.Advance(TimeSpan.FromSeconds(5)); // segment 5: the window is segments 2..5
        limiter.AttemptAcquire(); // segment 5
        clock.Advance(TimeSpan.FromSeconds(1));
        limiter.AttemptAcquire(2); // segment 6

        // Segment 5 slides out at the end of segment 8 (9 s); segment 6 at the end of segment 9 (10 s).
        Assert.Equal(TimeSpan.FromSeconds(3), limiter.TimeUntilNextPermit());
        Assert.Equal(TimeSpan.FromSeconds(4), limiter.TimeUntilReset());
    }

    [Fact]
    public void Sliding_window_idle_for_longer_than_the_window_starts_empty()
    {
        var clock = Clock.New();
        var limiter = new SlidingWindowClockedLimiter(clock, 4, TimeSpan.FromSeconds(4), 4);
        for (int i = 0; i < 4; i++)
        {
            limiter.AttemptAcquire();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, Available(limiter)); // segment 0 has slid out, 1..3 still hold one each
        clock.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal(4, Available(limiter));
        Assert.True(limiter.AttemptAcquire(4).IsAcquired);
        Assert.Equal(TimeSpan.FromSeconds(4), limiter.TimeUntilReset()); // 104 s is a segment start: it slides out at 108 s
    }

    private static long Available(RateLimiter limiter) => limiter.GetStatistics()!.CurrentAvailablePermits;
}
