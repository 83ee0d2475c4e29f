using System.Net;
using System.Net.Http.Headers;
using FaultLab.Load.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Load.Resilience.Tests;

/// <summary>
/// The attempt recorder at its edges, on a fake clock: which responses advertise, the
/// tolerance's bound, how attempts group into calls, and the evidence cap.
/// </summary>
public sealed class RecordingEdgeTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(9.5, 0L)]   // half a second before a date of one-second resolution: on time
    [InlineData(9.0, 0L)]   // exactly its resolution early: still on time
    [InlineData(8.9, 1L)]   // 1.1 s early: a violation
    public async Task An_HTTP_date_is_judged_to_its_one_second_resolution_as_the_conformance_verdict_judges_it(double retryAfter, long violations)
    {
        // The rule is the core's RetryAfterRule (tested at its edges in tests/Resilience); this pins that the recorder
        // judges by it, on a clock the fake makes exact (tolerance zero).
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        using var http = Client(clock, recorder, new Resend(clock, retryAfter), new DatedUnavailable(Epoch.AddSeconds(10)));

        (await http.GetAsync(new Uri("http://api.test/x"))).Dispose();

        Assert.Equal((2L, 2L, 1L, violations), (recorder.Attempts, recorder.RetryAfterResponses, recorder.AttemptsAfterRetryAfter, recorder.RetryAfterViolations));
    }

    [Fact]
    public void A_tolerance_given_wins_and_a_negative_one_is_refused_naming_it()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(5), new AttemptRecorder(tolerance: TimeSpan.FromMilliseconds(5)).Tolerance);
        Assert.Equal(TimeSpan.FromSeconds(1), new AttemptRecorder(new FakeTimeProvider(), TimeSpan.FromSeconds(1)).Tolerance);
        Assert.Equal(TimeSpan.Zero, new AttemptRecorder(tolerance: TimeSpan.Zero).Tolerance);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AttemptRecorder(new FakeTimeProvider(), TimeSpan.FromTicks(-1)));
        Assert.Equal("tolerance", error.ParamName);
        Assert.Equal(TimeSpan.FromMilliseconds(20), AttemptRecorder.RealTimeTolerance);
        Assert.Equal(20, AttemptRecorder.EvidenceLimit);
        Assert.Throws<ArgumentNullException>(() => AttemptRecorder.Track(null!));
    }

    /// <summary>Sends each request once per offset (seconds after the previous attempt ended) on the fake clock: a retry loop.</summary>
    private sealed class Resend(FakeTimeProvider clock, params double[] waits) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            foreach (double wait in waits)
            {
                response.Dispose();
                clock.Advance(TimeSpan.FromSeconds(wait));
                response = await base.SendAsync(request, cancellationToken);
            }

            return response;
        }
    }

    /// <summary>Answers each attempt with the next status of the script (the last one repeats), with Retry-After: 2 on 429/503.</summary>
    private sealed class Scripted(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = statuses[Math.Min(Interlocked.Increment(ref _next) - 1, statuses.Length - 1)];
            var response = new HttpResponseMessage(status) { RequestMessage = request };
            if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            }

            return Task.FromResult(response);
        }
    }

    private static HttpClient Client(FakeTimeProvider clock, AttemptRecorder recorder, DelegatingHandler resend, HttpMessageHandler dependency)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("api").AddHttpMessageHandler(() => resend).ConfigurePrimaryHttpMessageHandler(() => dependency).RecordAttempts(recorder);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("api");
    }

    [Fact]
    public async Task A_response_s_advertisement_applies_to_the_next_attempt_only_and_is_judged_against_its_arrival()
    {
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        // 503 (Retry-After 2), retried 1 s later (early), 200... then a 429 (Retry-After 2) retried 2 s later (on time).
        using var http = Client(clock, recorder, new Resend(clock, 1, 1, 2),
            new Scripted(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK));

        using var response = await http.GetAsync(new Uri("http://api.test/orders/7"));

        Assert.Equal((4L, 1L, 2L, 2L, 1L), (recorder.Attempts, recorder.Calls, recorder.RetryAfterResponses, recorder.AttemptsAfterRetryAfter, recorder.RetryAfterViolations));
        var violation = Assert.Single(recorder.Evidence);
        Assert.Equal(new RetryAfterViolation("GET", "http://api.test/orders/7", 2, 503, "2", Epoch, Epoch.AddSeconds(2), Epoch.AddSeconds(1)), violation);
        Assert.Equal(TimeSpan.FromSeconds(1), violation.Early);
    }

    [Fact]
    public async Task An_HTTP_date_is_kept_as_evidence_in_its_RFC_1123_form()
    {
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        var dated = new DatedUnavailable(Epoch.AddSeconds(10));
        using var http = Client(clock, recorder, new Resend(clock, 3), dated);

        (await http.GetAsync(new Uri("http://api.test/x"))).Dispose();

        var violation = Assert.Single(recorder.Evidence);
        Assert.Equal(("Thu, 01 Jan 2026 12:00:10 GMT", 2, Epoch.AddSeconds(10), Epoch.AddSeconds(3)), (violation.RetryAfter, violation.Attempt, violation.NotBefore, violation.AttemptedAt));
        Assert.Equal(TimeSpan.FromSeconds(7), violation.Early);
    }

    private sealed class DatedUnavailable(DateTimeOffset until) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
            response.Headers.RetryAfter = new RetryConditionHeaderValue(until);
            return Task.FromResult(response);
        }
    }

    [Fact]
    public async Task Violations_go_on_being_counted_past_the_evidence_kept()
    {
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        using var http = Client(clock, recorder, new Resend(clock, [.. Enumerable.Repeat(0.0, 24)]), new Scripted(HttpStatusCode.TooManyRequests));

        (await http.GetAsync(new Uri("http://api.test/x"))).Dispose();

        Assert.Equal(25, recorder.Attempts);
        Assert.Equal(24, recorder.RetryAfterViolations);
        Assert.Equal(AttemptRecorder.EvidenceLimit, recorder.Evidence.Count);
        Assert.Equal(Enumerable.Range(2, 20), recorder.Evidence.Select(v => v.Attempt));
    }

    [Fact]
    public async Task Each_request_is_a_call_of_its_own_unless_tracked_copies_share_its_options()
    {
        var clock = new FakeTimeProvider(Epoch);
        var recorder = new AttemptRecorder(clock);
        using var http = Client(clock, recorder, new Resend(clock), new Scripted(HttpStatusCode.OK));

        (await http.GetAsync(new Uri("http://api.test/a"))).Dispose();
        (await http.GetAsync(new Uri("http://api.test/b"))).Dispose();
        Assert.Equal((2L, 2L), (recorder.Attempts, recorder.Calls));

        // A hedge: a copy of a tracked request carrying its options is another attempt of the same call.
        using var original = new HttpRequestMessage(HttpMethod.Get, "http://api.test/c");
        AttemptRecorder.Track(original);
        using var copy = new HttpRequestMessage(HttpMethod.Get, "http://api.test/c");
        foreach (var option in original.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        (await http.SendAsync(original)).Dispose();
        (await http.SendAsync(copy)).Dispose();
        Assert.Equal((4L, 3L), (recorder.Attempts, recorder.Calls));
    }
}
