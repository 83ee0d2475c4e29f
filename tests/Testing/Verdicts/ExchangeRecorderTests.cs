using System.Net;
using System.Net.Sockets;
using FaultLab.Testing;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>The recorder writes what the dependency saw: stamps on the test clock, headers, the outcome the exception implies.</summary>
public sealed class ExchangeRecorderTests
{
    /// <summary>A dependency that answers (or fails) the way a test tells it to.</summary>
    private sealed class Dependency(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }

    private static HttpMessageInvoker Recorded(ExchangeRecorder recorder, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        recorder.InnerHandler = new Dependency(answer);
        return new HttpMessageInvoker(recorder);
    }

    private static HttpRequestMessage Get(string path = "/orders/1") => new(HttpMethod.Get, "http://orders.test" + path);

    [Fact]
    public async Task An_answered_attempt_is_stamped_when_sent_and_when_its_headers_arrived()
    {
        var clock = new TestClock();
        var recorder = new ExchangeRecorder(clock);
        using var http = Recorded(recorder, async (request, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), clock, ct);
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") };
            response.Headers.Add("Retry-After", "3");
            response.Headers.Add("X-Trace", ["a", "b"]);
            return response;
        });

        clock.Advance(TimeSpan.FromSeconds(1));
        using var sent = Get();
        sent.Headers.Add("Idempotency-Key", "k-1");
        sent.Options.Set(ExchangeRecorder.CallIdOption, "call-7");
        (await clock.RunUntilComplete(http.SendAsync(sent, CancellationToken.None))).Dispose();

        var exchange = Assert.Single(recorder.Exchanges);
        Assert.Equal(1, exchange.Attempt);
        Assert.Equal(TestClock.DefaultStart.AddSeconds(1), exchange.At);
        Assert.Equal(TestClock.DefaultStart.AddSeconds(3), exchange.EndedAt);
        Assert.Equal(("GET", "/orders/1", ExchangeOutcome.Response, 429, (string?)null, "call-7"),
            (exchange.Method, exchange.Path, exchange.Outcome, exchange.StatusCode, exchange.Error, exchange.CallId));
        Assert.Equal("3", exchange.ResponseHeader("retry-after"));
        Assert.Equal("a, b", exchange.ResponseHeader("X-Trace"));
        Assert.Equal("text/plain; charset=utf-8", exchange.ResponseHeader("Content-Type"));
        Assert.Equal("k-1", exchange.RequestHeader("idempotency-key"));
    }

    [Fact]
    public async Task A_pending_attempt_has_no_end_yet_and_content_headers_of_the_request_are_kept()
    {
        var clock = new TestClock();
        var recorder = new ExchangeRecorder(clock);
        var release = new TaskCompletionSource<HttpResponseMessage>();
        using var http = Recorded(recorder, (_, _) => release.Task);

        using var post = new HttpRequestMessage(HttpMethod.Post, "http://orders.test/orders") { Content = new StringContent("{}") };
        var call = http.SendAsync(post, CancellationToken.None);

        var open = Assert.Single(recorder.Exchanges);
        Assert.Null(open.EndedAt);
        Assert.Equal("text/plain; charset=utf-8", open.RequestHeader("Content-Type"));
        Assert.Equal(("POST", "/orders", (string?)null), (open.Method, open.Path, open.CallId));

        release.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        (await call).Dispose();
        Assert.Equal(ExchangeOutcome.Response, Assert.Single(recorder.Exchanges).Outcome);
    }

    [Fact]
    public async Task A_bearer_token_is_kept_only_as_its_fingerprint()
    {
        var recorder = new ExchangeRecorder(new TestClock());
        using var http = Recorded(recorder, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        using var request = Get();
        request.Headers.Add("Authorization", "Bearer abc");

        (await http.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal("Bearer #c355dce9", Assert.Single(recorder.Exchanges).RequestHeader("authorization"));
    }

    [Fact]
    public void A_fingerprint_is_the_scheme_and_eight_hex_digits_of_the_whole_value()
    {
        Assert.Equal("Bearer #c355dce9", ExchangeRecorder.Fingerprint("Bearer abc"));
        Assert.Equal("credentials #ba7816bf", ExchangeRecorder.Fingerprint("abc"));
        Assert.Equal("credentials #e3e3c40c", ExchangeRecorder.Fingerprint(" lead")); // a leading space names no scheme
        Assert.Throws<ArgumentNullException>(() => ExchangeRecorder.Fingerprint(null!));
    }

    public static TheoryData<Exception, ExchangeOutcome> Failures => new()
    {
        { new HttpRequestException(HttpRequestError.NameResolutionError), ExchangeOutcome.NotConnected },
        { new HttpRequestException(HttpRequestError.ConnectionError), ExchangeOutcome.NotConnected },
        { new HttpRequestException(HttpRequestError.ResponseEnded), ExchangeOutcome.ConnectionLost },
        { new HttpRequestException("reset", new IOException("reset")), ExchangeOutcome.ConnectionLost },
        { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), ExchangeOutcome.NotConnected },
        { new HttpRequestException("no host", new SocketException((int)SocketError.HostNotFound)), ExchangeOutcome.NotConnected },
        { new HttpRequestException("other socket", new SocketException((int)SocketError.TimedOut)), ExchangeOutcome.OtherError },
        { new HttpRequestException("plain"), ExchangeOutcome.OtherError },
        { new TaskCanceledException("connect", new TimeoutException()), ExchangeOutcome.NotConnected },
        { new TaskCanceledException("timeout"), ExchangeOutcome.Cancelled },
        { new IOException("cut"), ExchangeOutcome.ConnectionLost },
        { new InvalidOperationException("bug"), ExchangeOutcome.OtherError },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failure_is_classified_by_whether_the_request_can_have_reached_the_server(Exception failure, ExchangeOutcome outcome)
    {
        var clock = new TestClock();
        var recorder = new ExchangeRecorder(clock);
        using var http = Recorded(recorder, (_, _) => Task.FromException<HttpResponseMessage>(failure));

        using var request = Get();
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => http.SendAsync(request, CancellationToken.None));

        Assert.Same(failure, thrown);
        var exchange = Assert.Single(recorder.Exchanges);
        Assert.Equal((outcome, (int?)null, failure.GetType().Name), (exchange.Outcome, exchange.StatusCode, exchange.Error));
        Assert.Empty(exchange.ResponseHeaders);
        Assert.Equal(TestClock.DefaultStart, exchange.EndedAt);
    }

    [Fact]
    public async Task Attempts_are_numbered_in_order_and_clearing_starts_again_at_one()
    {
        var recorder = new ExchangeRecorder(new TestClock());
        using var http = Recorded(recorder, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        foreach (var path in new[] { "/a", "/b" })
        {
            using var request = Get(path);
            (await http.SendAsync(request, CancellationToken.None)).Dispose();
        }

        Assert.Equal([(1, "/a"), (2, "/b")], recorder.Exchanges.Select(e => (e.Attempt, e.Path)));

        recorder.Clear();
        Assert.Empty(recorder.Exchanges);
        using var again = Get("/c");
        (await http.SendAsync(again, CancellationToken.None)).Dispose();
        Assert.Equal((1, "/c"), (Assert.Single(recorder.Exchanges).Attempt, recorder.Exchanges[0].Path));
    }

    [Fact]
    public void A_synchronous_send_is_recorded_too()
    {
        var recorder = new ExchangeRecorder(new TestClock(), new Dependency((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted))));
        using var http = new HttpMessageInvoker(recorder);
        using var request = Get();

        http.Send(request, CancellationToken.None).Dispose();

        Assert.Equal(202, Assert.Single(recorder.Exchanges).StatusCode);
    }

    [Fact]
    public async Task A_body_cut_by_an_injected_fault_is_recorded_as_cut()
    {
        var clock = new TestClock();
        var faulted = FaultInjection.CreateHandler(f => f.AddTruncatedBody(), new Dependency((request, _) =>
            Task.FromResult(FakeUpstream.Respond(request, HttpStatusCode.OK, new string('x', 400)))), clock, clientName: "recorder-test");
        var recorder = new ExchangeRecorder(clock, faulted);
        using var http = new HttpMessageInvoker(recorder);
        using var request = Get();

        (await clock.RunUntilComplete(http.SendAsync(request, CancellationToken.None))).Dispose();

        var exchange = Assert.Single(recorder.Exchanges);
        Assert.Equal((ExchangeOutcome.BodyCut, 200), (exchange.Outcome, exchange.StatusCode));
    }

    [Fact]
    public async Task Without_a_clock_attempts_are_stamped_on_the_system_clock()
    {
        var recorder = new ExchangeRecorder();
        using var http = Recorded(recorder, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        DateTimeOffset before = DateTimeOffset.UtcNow;
        using var request = Get();

        (await http.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.InRange(Assert.Single(recorder.Exchanges).At, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }
}
