using System.Net;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>
/// The attempt recorder on a fake clock, with hand-written clients whose retry behaviour is known exactly: one that
/// retries at once (ignoring Retry-After) and one that waits what the header says. No network: the primary handler
/// answers 200 itself, and FaultLab injects the 503s below the recorder.
/// </summary>
public sealed class AttemptRecorderTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_client_retrying_at_once_after_503_Retry_After_2_s_breaks_the_rule_on_every_retry_with_evidence()
    {
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        using var provider = Client(clock, recorder, new RetryHandler(clock, retries: 3, honourRetryAfter: false),
            f => f.AddStatus(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(2)));
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        using var response = await client.GetAsync(new Uri("http://api.test/orders/1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, recorder.Attempts);          // first try + 3 retries, all below the retry handler
        Assert.Equal(1, recorder.Calls);
        Assert.Equal(4, recorder.RetryAfterResponses);
        Assert.Equal(3, recorder.AttemptsAfterRetryAfter);
        Assert.Equal(3, recorder.RetryAfterViolations);
        var first = recorder.Evidence[0];
        Assert.Equal(2, first.Attempt);
        Assert.Equal(503, first.StatusCode);
        Assert.Equal("2", first.RetryAfter);
        Assert.Equal(Epoch, first.AnsweredAt);
        Assert.Equal(Epoch + TimeSpan.FromSeconds(2), first.NotBefore);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Early); // the fake clock never moved: 2 s too early
        Assert.Equal("GET", first.Method);
        Assert.Equal([2, 3, 4], recorder.Evidence.Select(e => e.Attempt));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_waiting_for_Retry_After_as_seconds_or_HTTP_date_never_breaks_the_rule(bool asDate)
    {
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        using var provider = Client(clock, recorder, new RetryHandler(clock, retries: 2, honourRetryAfter: true),
            f => f.AddStatus(s => { s.StatusCode = 429; s.RetryAfter = TimeSpan.FromSeconds(3); s.RetryAfterAsDate = asDate; }));
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var call = client.GetAsync(new Uri("http://api.test/orders/1"));
        // The fake clock moves on in steps until the call ends. A single 3 s Advance per attempt raced the client: on a
        // loaded machine it could land before the client's wait timer existed, which then never fired. However late a
        // timer is registered here, it fires after its full wait, so the attempts judged are never early.
        for (int step = 0; step < 10_000 && !call.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1);
        }

        using var response = await call;
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(3, recorder.Attempts);
        Assert.Equal(2, recorder.AttemptsAfterRetryAfter);
        Assert.Equal(0, recorder.RetryAfterViolations);
        Assert.Empty(recorder.Evidence);
    }

    [Fact]
    public async Task The_default_tolerance_is_for_real_time_only_and_a_503_without_the_header_asks_nothing()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(20), new AttemptRecorder().Tolerance);
        Assert.Equal(TimeSpan.Zero, new AttemptRecorder(new FakeTimeProvider()).Tolerance);

        // A 500 or a 503 without the header asks nothing: a retry at once is no violation.
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        using var provider = Client(clock, recorder, new RetryHandler(clock, retries: 1, honourRetryAfter: false),
            f => f.AddStatus(HttpStatusCode.ServiceUnavailable));
        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync(new Uri("http://api.test/x"));
        Assert.Equal(2, recorder.Attempts);
        Assert.Equal(0, recorder.RetryAfterResponses);
        Assert.Equal(0, recorder.RetryAfterViolations);
    }

    [Fact]
    public async Task The_recorder_sits_below_a_retry_handler_registered_after_it()
    {
        // RecordAttempts is called before the retry handler is added: it must still see every attempt.
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        var services = new ServiceCollection();
        var builder = services.AddHttpClient("api").RecordAttempts(recorder);
        builder.AddHttpMessageHandler(() => new RetryHandler(clock, retries: 2, honourRetryAfter: false));
        builder.ConfigurePrimaryHttpMessageHandler(() => new Answer200());
        builder.AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable));
        using var provider = services.BuildServiceProvider();
        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync(new Uri("http://api.test/x"));
        Assert.Equal(3, recorder.Attempts);
    }

    private static ServiceProvider Client(FakeTimeProvider clock, AttemptRecorder recorder, DelegatingHandler retry, Action<FaultInjectionBuilder> faults)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddHttpClient("api")
            .AddHttpMessageHandler(() => retry)
            .ConfigurePrimaryHttpMessageHandler(() => new Answer200())
            .AddFaultInjection(faults)
            .RecordAttempts(recorder);
        return services.BuildServiceProvider();
    }

    /// <summary>A retry loop on the given clock: at once, or after the response's Retry-After (seconds or date).</summary>
    private sealed class RetryHandler(TimeProvider clock, int retries, bool honourRetryAfter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (int attempt = 0; ; attempt++)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode || attempt == retries)
                {
                    return response;
                }

                if (honourRetryAfter && response.Headers.RetryAfter is { } after)
                {
                    TimeSpan wait = after.Delta ?? (after.Date!.Value - clock.GetUtcNow());
                    await Task.Delay(wait, clock, cancellationToken);
                }

                response.Dispose();
            }
        }
    }

    private sealed class Answer200 : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
