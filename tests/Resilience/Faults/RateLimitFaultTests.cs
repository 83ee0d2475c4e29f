using System.Net;
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

        Assert.Contains("Faults[0].SegmentsPerWindow: ", ex.Message);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/a");
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }
}
