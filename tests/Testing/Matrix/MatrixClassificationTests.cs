using System.Net;
using System.Text;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing.Tests.Matrix;

/// <summary>How one row is classified survived / degraded / failed, from the call's response, body, exception or hang.</summary>
[Collection(WarmClockCollection.Name)]
public sealed class MatrixClassificationTests
{
    private const string Healthy = "healthy";

    private static readonly Uri BaseAddress = new("https://orders.example.test");

    /// <summary>A client without any resilience, registered as an application would, against <paramref name="respond"/>.</summary>
    private static ResilienceMatrix Bare(Func<HttpRequestMessage, HttpResponseMessage>? respond = null)
    {
        var matrix = ResilienceMatrix.ForHttpClient("bare", s => s.AddHttpClient("bare", c => c.BaseAddress = BaseAddress),
            (http, ct) => http.GetAsync("/orders/1", ct)).Add(Healthy, _ => { });
        return respond is null ? matrix : matrix.WithDependency(respond);
    }

    private static Func<HttpRequestMessage, HttpResponseMessage> Answer(HttpStatusCode status, string body, string mediaType) =>
        _ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    [Fact]
    public async Task A_healthy_call_with_a_JSON_body_that_parses_survives()
    {
        var row = await Bare().RunVariantAsync(Healthy);

        Assert.Equal((MatrixOutcome.Survived, "200", 1, true), (row.Outcome, row.Final, row.Attempts, row.Ended));
        Assert.False(row.FallbackUsed);
        Assert.Equal(TimeSpan.Zero, row.Elapsed);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"id":""", "application/json", MatrixOutcome.Failed, "200, unusable body")]
    [InlineData(HttpStatusCode.OK, """{"id":""", "application/problem+json", MatrixOutcome.Failed, "200, unusable body")]
    [InlineData(HttpStatusCode.OK, "not json at all", "text/plain", MatrixOutcome.Survived, "200")]
    [InlineData(HttpStatusCode.OK, "", "application/json", MatrixOutcome.Survived, "200")]
    [InlineData(HttpStatusCode.Created, """{"id":1}""", "application/json", MatrixOutcome.Survived, "201")]
    [InlineData(HttpStatusCode.NotFound, """{"id":1}""", "application/json", MatrixOutcome.Failed, "404")]
    [InlineData(HttpStatusCode.InternalServerError, "", "text/plain", MatrixOutcome.Failed, "500")]
    public async Task By_default_a_call_succeeds_with_a_success_status_and_a_body_that_parses_when_it_says_JSON(
        HttpStatusCode status, string body, string mediaType, MatrixOutcome outcome, string final)
    {
        var row = await Bare(Answer(status, body, mediaType)).RunVariantAsync(Healthy);

        Assert.Equal((outcome, final), (row.Outcome, row.Final));
    }

    [Fact]
    public async Task A_success_rule_of_your_own_replaces_the_default()
    {
        var strict = await Bare().SucceedsWhen((_, body) => body.Contains("delivered", StringComparison.Ordinal)).RunVariantAsync(Healthy);
        var lenient = await Bare(Answer(HttpStatusCode.ServiceUnavailable, "", "text/plain")).SucceedsWhen((_, _) => true).RunVariantAsync(Healthy);

        Assert.Equal((MatrixOutcome.Failed, "200, unusable body"), (strict.Outcome, strict.Final));
        Assert.Equal((MatrixOutcome.Survived, "503"), (lenient.Outcome, lenient.Final));
        Assert.Throws<ArgumentNullException>(() => Bare().SucceedsWhen(null!));
    }

    [Fact]
    public async Task A_successful_call_your_rule_calls_degraded_is_degraded()
    {
        var matrix = Bare(Answer(HttpStatusCode.OK, """{"id":1,"status":"cached"}""", "application/json"));

        var degraded = await matrix.DegradedWhen((response, body) => response.IsSuccessStatusCode && body.Contains("cached", StringComparison.Ordinal)).RunVariantAsync(Healthy);
        var notDegraded = await Bare().DegradedWhen((_, body) => body.Contains("cached", StringComparison.Ordinal)).RunVariantAsync(Healthy);
        var failedStaysFailed = await Bare(Answer(HttpStatusCode.BadGateway, "cached", "text/plain")).DegradedWhen((_, _) => true).RunVariantAsync(Healthy);

        Assert.Equal((MatrixOutcome.Degraded, "200 (fallback)"), (degraded.Outcome, degraded.Final));
        Assert.Equal((MatrixOutcome.Survived, "200"), (notDegraded.Outcome, notDegraded.Final));
        Assert.Equal((MatrixOutcome.Failed, "502"), (failedStaysFailed.Outcome, failedStaysFailed.Final));
        Assert.Throws<ArgumentNullException>(() => Bare().DegradedWhen(null!));
    }

    [Fact]
    public async Task An_exception_fails_the_row_with_its_type()
    {
        var row = await Bare().RunVariantAsync("connection refused");

        Assert.Equal((MatrixOutcome.Failed, "HttpRequestException", 1), (row.Outcome, row.Final, row.Attempts));
        Assert.Equal(ExchangeOutcome.NotConnected, Assert.Single(row.Exchanges).Outcome);
    }

    [Fact]
    public async Task A_call_still_pending_at_the_limit_never_ended_and_fails()
    {
        var matrix = Bare();
        matrix.Limit = TimeSpan.FromSeconds(90.5);

        var row = await matrix.RunVariantAsync("hang");

        Assert.Equal((MatrixOutcome.Failed, "never ended (90.5 s)", false), (row.Outcome, row.Final, row.Ended));
        Assert.Equal(TimeSpan.FromSeconds(90.5), row.Elapsed);
        var exchange = Assert.Single(row.Exchanges);
        // The matrix stops waiting at the limit and then cancels the hung call; whether the recorder has seen that
        // cancellation when the row is taken is a race, so the exchange is either still open or ended exactly at the limit.
        Assert.True(exchange.EndedAt is null || exchange.EndedAt == exchange.At + TimeSpan.FromSeconds(90.5),
            $"started {exchange.At:O}, ended {exchange.EndedAt:O}");
    }

    [Fact]
    public async Task A_client_built_from_a_handler_survives_by_completing_and_fails_by_throwing()
    {
        var matrix = ResilienceMatrix.ForHandler((handler, _) => new HttpClient(handler) { BaseAddress = BaseAddress },
            async (http, ct) => (await http.GetAsync("/orders/1", ct)).EnsureSuccessStatusCode()).Add(Healthy, _ => { });

        var completed = await matrix.RunVariantAsync(Healthy);
        var thrown = await matrix.RunVariantAsync("503 once");

        Assert.Equal((MatrixOutcome.Survived, "completed"), (completed.Outcome, completed.Final));
        Assert.Equal((MatrixOutcome.Failed, "HttpRequestException"), (thrown.Outcome, thrown.Final));
        Assert.Equal(503, Assert.Single(thrown.Exchanges).StatusCode);
    }

    [Fact]
    public async Task Priming_calls_are_made_and_forgotten_and_the_pause_passes_on_the_test_clock_before_the_measured_call()
    {
        var clocks = new List<TimeProvider>();
        var matrix = ResilienceMatrix.ForHandler((handler, clock) =>
        {
            clocks.Add(clock);
            return new HttpClient(handler) { BaseAddress = BaseAddress };
        }, async (http, ct) => (await http.GetAsync("/orders/1", ct)).EnsureSuccessStatusCode());
        matrix.Add(new MatrixVariant("primed", "Custom", MatrixFaultClass.Custom, "two calls first, then 5 s", f => f.AddScript(s => s.Status(HttpStatusCode.ServiceUnavailable).ThenPass()))
        {
            PrimingCalls = 2,
            PauseAfterPriming = TimeSpan.FromSeconds(5),
        });

        var row = await matrix.RunVariantAsync("primed");

        var clock = Assert.IsType<TestClock>(Assert.Single(clocks));
        Assert.Equal((MatrixOutcome.Survived, 1), (row.Outcome, row.Attempts)); // the 503 went to the first priming call
        Assert.Equal(clock.Start + TimeSpan.FromSeconds(5), row.Exchanges[0].At);
        Assert.Equal(1, row.Exchanges[0].Attempt);
    }

    [Fact]
    public async Task A_priming_call_uses_up_a_rate_limit_so_the_measured_call_meets_the_429()
    {
        var row = await Bare().RunVariantAsync("429 from a rate limit");

        Assert.Equal((MatrixOutcome.Failed, "429", 1), (row.Outcome, row.Final, row.Attempts));
    }

    [Fact]
    public async Task Each_scenario_starts_a_fresh_test_clock_at_a_whole_second_of_real_time()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow;
        var row = await Bare().RunVariantAsync(Healthy);

        DateTimeOffset at = row.Exchanges[0].At;
        Assert.Equal(0, at.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.InRange(at, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }
}
