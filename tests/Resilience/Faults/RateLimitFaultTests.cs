using System.Net;
using FaultLab.RateLimiting;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class RateLimitFaultTests
{
    [Fact]
    public async Task Fixed_window_lets_the_limit_through_then_answers_429_with_consistent_headers()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(3, TimeSpan.FromSeconds(10)));
        var client = clients.Client;

        for (int i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("/orders");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        clients.TimeProvider.Advance(TimeSpan.FromSeconds(6.5));
        using var limited = await client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), limited.Headers.RetryAfter!.Delta); // 3.5 s left in the window, rounded up
        Assert.Equal("3", limited.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Equal("4", limited.Headers.GetValues("RateLimit-Reset").Single());
        Assert.Equal(3, clients.Upstream.Calls);

        clients.TimeProvider.Advance(TimeSpan.FromSeconds(3.5));
        using var again = await client.GetAsync("/orders");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(4, clients.Upstream.Calls);
    }

    [Fact]
    public async Task Token_bucket_with_one_token_per_period_refills_slowly_and_retry_after_points_at_the_next_token()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(r =>
        {
            r.Algorithm = RateLimitAlgorithm.TokenBucket;
            r.PermitLimit = 2;
            r.Window = TimeSpan.FromSeconds(1);
            r.TokensPerPeriod = 1; // bursts of 2, sustained 1 per second (the default refills all 2 each second)
        }));
        var client = clients.Client;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromMilliseconds(300));
        using var limited = await client.GetAsync("/a");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter!.Delta); // 0.7 s, rounded up to whole seconds
        Assert.Equal("2", limited.Headers.GetValues("RateLimit-Reset").Single()); // two tokens missing: 0.7 s + 1 s

        clients.TimeProvider.Advance(TimeSpan.FromMilliseconds(700));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/a")).StatusCode);
    }

    [Fact]
    public async Task Sliding_window_frees_permits_exactly_when_their_segment_slides_out()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(r =>
        {
            r.Algorithm = RateLimitAlgorithm.SlidingWindow;
            r.PermitLimit = 2;
            r.Window = TimeSpan.FromSeconds(4);
            r.SegmentsPerWindow = 4;
        }));
        var client = clients.Client;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode); // segment 0
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode); // segment 2
        using var limited = await client.GetAsync("/a");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter!.Delta); // segment 0 leaves the window at t=4 s

        clients.TimeProvider.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/a")).StatusCode);
    }

    [Fact]
    public async Task Partitions_by_header_keep_a_separate_limit_per_key()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(r =>
        {
            r.PermitLimit = 1;
            r.Window = TimeSpan.FromMinutes(1);
            r.PartitionBy = RateLimitPartition.Header;
            r.PartitionHeader = "X-Api-Key";
        }));
        var client = clients.Client;

        Assert.Equal(HttpStatusCode.OK, (await Send(client, "tenant-a")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, "tenant-b")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Send(client, "tenant-a")).StatusCode);
    }

    [Fact]
    public async Task GitHub_style_headers_carry_the_reset_as_epoch_seconds()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(r =>
        {
            r.PermitLimit = 1;
            r.Window = TimeSpan.FromSeconds(60);
            r.HeaderStyle = RateLimitHeaderStyle.GitHub;
        }));
        var client = clients.Client;
        await client.GetAsync("/a");

        using var limited = await client.GetAsync("/a");

        long expected = clients.TimeProvider.GetUtcNow().AddSeconds(60).ToUnixTimeSeconds();
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), limited.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.False(limited.Headers.Contains("RateLimit-Reset"));
    }

    [Fact]
    public async Task State_survives_the_factory_rotating_handlers()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(1, TimeSpan.FromMinutes(1)));

        Assert.Equal(HttpStatusCode.OK, (await clients.Client.GetAsync("/a")).StatusCode);

        // A new client per call, as IHttpClientFactory users do; the server's bucket is the same.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await clients.Client.GetAsync("/a")).StatusCode);
    }

    [Fact]
    public void A_sliding_window_too_short_for_its_segments_is_a_configuration_error_not_a_DivideByZero_per_request()
    {
        var ex = Assert.Throws<ArgumentException>(() => FaultInjection.CreateHandler(f => f.AddRateLimit(r =>
        {
            r.Algorithm = RateLimitAlgorithm.SlidingWindow;
            r.PermitLimit = 1;
            r.Window = TimeSpan.FromTicks(3);
            r.SegmentsPerWindow = 4;
        })));

        Assert.Equal("Invalid fault profile: Faults:0:SegmentsPerWindow: 4 segments do not fit in a window of 00:00:00.0000003. (Parameter 'configure')",
            ex.Message);
    }

    [Fact]
    public async Task The_429_names_the_limit_in_its_problem_body_and_counts_the_permits_left_after_the_refusal()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(2, TimeSpan.FromSeconds(30)));
        var client = clients.Client;
        await client.GetAsync("/orders");
        await client.GetAsync("/orders");

        using var limited = await client.GetAsync("/orders/9");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Rate limit of 2 requests per 00:00:30 exceeded.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("/orders/9", problem.RootElement.GetProperty("instance").GetString());
        Assert.Equal(clients.TimeProvider.GetUtcNow(), limited.Headers.Date);
        Assert.Equal("30", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("2", limited.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Equal("30", limited.Headers.GetValues("RateLimit-Reset").Single());
        Assert.False(limited.Headers.Contains("X-RateLimit-Limit"));
        Assert.Equal(2, clients.Upstream.Calls);
    }

    [Fact]
    public async Task Passing_requests_carry_no_rate_limit_headers_they_reach_the_dependency_untouched()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(2, TimeSpan.FromSeconds(30)));

        using var ok = await clients.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("real", ok.Headers.GetValues("X-Upstream").Single());
        Assert.False(ok.Headers.Contains("RateLimit-Remaining"));
    }

    [Fact]
    public async Task Retry_after_and_reset_round_a_fraction_of_a_second_up_to_the_next_whole_second()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(1, TimeSpan.FromSeconds(10)));
        var client = clients.Client;
        await client.GetAsync("/a");
        clients.TimeProvider.Advance(TimeSpan.FromMilliseconds(8001));

        using var limited = await client.GetAsync("/a");

        Assert.Equal("2", limited.Headers.GetValues("Retry-After").Single()); // 1.999 s left
        Assert.Equal("2", limited.Headers.GetValues("RateLimit-Reset").Single());
    }

    [Fact]
    public async Task GitHub_style_headers_carry_limit_and_remaining_and_none_of_the_draft_headers()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(r =>
        {
            r.Algorithm = RateLimitAlgorithm.TokenBucket;
            r.PermitLimit = 3;
            r.Window = TimeSpan.FromSeconds(10);
            r.TokensPerPeriod = 1;
            r.HeaderStyle = RateLimitHeaderStyle.GitHub;
        }));
        var client = clients.Client;
        for (int i = 0; i < 3; i++)
        {
            await client.GetAsync("/a");
        }

        clients.TimeProvider.Advance(TimeSpan.FromSeconds(2.5));
        using var limited = await client.GetAsync("/a");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("3", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        // Three tokens missing at one per 10 s: the bucket is full again 7.5 s + 20 s from now, 28 s rounded up.
        long reset = clients.TimeProvider.GetUtcNow().AddSeconds(28).ToUnixTimeSeconds();
        Assert.Equal(reset.ToString(System.Globalization.CultureInfo.InvariantCulture), limited.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Equal(TimeSpan.FromSeconds(8), limited.Headers.RetryAfter!.Delta);
        Assert.False(limited.Headers.Contains("RateLimit-Limit"));
        Assert.False(limited.Headers.Contains("RateLimit-Remaining"));
    }

    [Fact]
    public async Task Partitions_by_host_keep_a_separate_limit_per_host()
    {
        using var clients = Clients.Create(f => f.AddRateLimit(r =>
        {
            r.PermitLimit = 1;
            r.Window = TimeSpan.FromMinutes(1);
            r.PartitionBy = RateLimitPartition.Host;
        }));
        var client = clients.Client;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("http://a.internal/x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("http://b.internal/x")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("http://a.internal/y")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("http://b.internal:81/y")).StatusCode); // the port is not part of the host
    }

    [Fact]
    public void Partition_keys_are_the_host_the_header_values_joined_or_one_shared_key()
    {
        var clock = Clock.New();
        var byHeader = new RateLimitPartitions(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromMinutes(1), PartitionBy = RateLimitPartition.Header, PartitionHeader = "X-Api-Key" }, clock);
        var byHost = new RateLimitPartitions(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromMinutes(1), PartitionBy = RateLimitPartition.Host }, clock);
        var shared = new RateLimitPartitions(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) }, clock);

        using var twoValues = new HttpRequestMessage(HttpMethod.Get, "http://a.internal/");
        twoValues.Headers.Add("X-Api-Key", ["k1", "k2"]);
        using var sameTwo = new HttpRequestMessage(HttpMethod.Get, "http://b.internal/");
        sameTwo.Headers.TryAddWithoutValidation("X-Api-Key", "k1,k2");
        using var firstOnly = new HttpRequestMessage(HttpMethod.Get, "http://a.internal/");
        firstOnly.Headers.Add("X-Api-Key", "k1");
        using var none = new HttpRequestMessage(HttpMethod.Get, "http://a.internal/");
        using var alsoNone = new HttpRequestMessage(HttpMethod.Get, "http://b.internal/");

        Assert.Same(byHeader.For(twoValues), byHeader.For(sameTwo));
        Assert.NotSame(byHeader.For(twoValues), byHeader.For(firstOnly));
        Assert.Same(byHeader.For(none), byHeader.For(alsoNone)); // without the header: one shared limit, not an exception
        Assert.Same(byHeader.For(none), byHeader.For(null));
        Assert.NotSame(byHeader.For(none), byHeader.For(firstOnly));

        Assert.Same(byHost.For(none), byHost.For(firstOnly));
        Assert.NotSame(byHost.For(none), byHost.For(alsoNone));
        Assert.Same(byHost.For(null), byHost.For(new HttpRequestMessage()));

        Assert.Same(shared.For(none), shared.For(alsoNone));
        Assert.Same(shared.For(twoValues), shared.For(null));
    }

    [Theory]
    [InlineData(RateLimitAlgorithm.FixedWindow, typeof(FixedWindowClockedLimiter))]
    [InlineData(RateLimitAlgorithm.SlidingWindow, typeof(SlidingWindowClockedLimiter))]
    [InlineData(RateLimitAlgorithm.TokenBucket, typeof(TokenBucketClockedLimiter))]
    public void Each_algorithm_gets_its_own_limiter_with_the_faults_limit(RateLimitAlgorithm algorithm, Type expected)
    {
        var partitions = new RateLimitPartitions(new RateLimitFault { Algorithm = algorithm, PermitLimit = 7, Window = TimeSpan.FromSeconds(4) }, Clock.New());

        var limiter = partitions.For(null);

        Assert.IsType(expected, limiter);
        Assert.Equal(7, limiter.Limit);
    }

    [Fact]
    public void A_token_bucket_without_tokens_per_period_refills_the_whole_bucket_each_period()
    {
        var clock = Clock.New();
        var limiter = new RateLimitPartitions(new RateLimitFault { Algorithm = RateLimitAlgorithm.TokenBucket, PermitLimit = 5, Window = TimeSpan.FromSeconds(1) }, clock).For(null);
        limiter.AttemptAcquire(5);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(5, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void A_sliding_window_gets_the_faults_segments()
    {
        var clock = Clock.New();
        var limiter = new RateLimitPartitions(new RateLimitFault { Algorithm = RateLimitAlgorithm.SlidingWindow, PermitLimit = 2, Window = TimeSpan.FromSeconds(10), SegmentsPerWindow = 2 }, clock).For(null);
        limiter.AttemptAcquire(2);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), limiter.TimeUntilNextPermit()); // two 5 s segments: frees at 10 s
    }

    [Fact]
    public void A_valid_rate_limit_of_every_algorithm_has_no_errors()
    {
        Assert.Empty(FaultErrors.Of(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromTicks(1) }));
        Assert.Empty(FaultErrors.Of(new RateLimitFault { Algorithm = RateLimitAlgorithm.TokenBucket, PermitLimit = 1, Window = TimeSpan.FromSeconds(1), TokensPerPeriod = 1 }));
        Assert.Empty(FaultErrors.Of(new RateLimitFault { Algorithm = RateLimitAlgorithm.SlidingWindow, PermitLimit = 1, Window = TimeSpan.FromTicks(4), SegmentsPerWindow = 4 }));
        Assert.Empty(FaultErrors.Of(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromSeconds(1), PartitionBy = RateLimitPartition.Header, PartitionHeader = "X-Api-Key" }));
        Assert.Empty(FaultErrors.Of(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromSeconds(1), TokensPerPeriod = 0, SegmentsPerWindow = 0 })); // ignored by a fixed window
    }

    [Fact]
    public void Every_bad_setting_is_named_with_its_value()
    {
        Assert.Equal(
            ["Faults:0:PermitLimit: must be positive (was 0).", "Faults:0:Window: must be positive (was 00:00:00)."],
            FaultErrors.Of(new RateLimitFault()));
        Assert.Equal(
            ["Faults:0:PermitLimit: must be positive (was -1).", "Faults:0:Window: must be positive (was -00:00:01)."],
            FaultErrors.Of(new RateLimitFault { PermitLimit = -1, Window = TimeSpan.FromSeconds(-1) }));
        Assert.Equal(
            ["Faults:0:TokensPerPeriod: must be positive (was 0)."],
            FaultErrors.Of(new RateLimitFault { Algorithm = RateLimitAlgorithm.TokenBucket, PermitLimit = 1, Window = TimeSpan.FromSeconds(1), TokensPerPeriod = 0 }));
        Assert.Equal(
            ["Faults:0:SegmentsPerWindow: must be positive (was 0)."],
            FaultErrors.Of(new RateLimitFault { Algorithm = RateLimitAlgorithm.SlidingWindow, PermitLimit = 1, Window = TimeSpan.FromSeconds(1), SegmentsPerWindow = 0 }));
        Assert.Equal(
            ["Faults:0:SegmentsPerWindow: 4 segments do not fit in a window of 00:00:00.0000003."],
            FaultErrors.Of(new RateLimitFault { Algorithm = RateLimitAlgorithm.SlidingWindow, PermitLimit = 1, Window = TimeSpan.FromTicks(3), SegmentsPerWindow = 4 }));
        Assert.Equal(
            ["Faults:0:PartitionHeader: partitioning by header needs the header's name."],
            FaultErrors.Of(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromSeconds(1), PartitionBy = RateLimitPartition.Header, PartitionHeader = " " }));
        Assert.Equal(
            ["Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 2)."],
            FaultErrors.Of(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromSeconds(1), InjectionRate = 2 }));
    }

    [Fact]
    public void A_sliding_window_with_no_window_reports_the_window_not_the_segments()
    {
        Assert.Equal(
            ["Faults:0:Window: must be positive (was 00:00:00)."],
            FaultErrors.Of(new RateLimitFault { Algorithm = RateLimitAlgorithm.SlidingWindow, PermitLimit = 1 }));
    }

    [Fact]
    public void The_builder_shorthand_sets_limit_window_and_algorithm()
    {
        var sliding = Assert.IsType<RateLimitFault>(Assert.Single(FaultErrors.Built(b => b.AddRateLimit(5, TimeSpan.FromSeconds(4), RateLimitAlgorithm.SlidingWindow))));
        var plain = Assert.IsType<RateLimitFault>(Assert.Single(FaultErrors.Built(b => b.AddRateLimit(5, TimeSpan.FromSeconds(4)))));

        Assert.Equal(RateLimitAlgorithm.SlidingWindow, sliding.Algorithm);
        Assert.Equal(5, sliding.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(4), sliding.Window);
        Assert.Equal(RateLimitAlgorithm.FixedWindow, plain.Algorithm);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/a");
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }
}
