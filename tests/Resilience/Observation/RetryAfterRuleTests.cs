using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace FaultLab.Tests.Observation;

/// <summary>
/// The one definition of "no retry before Retry-After" that FaultLab.Testing's verdict and FaultLab.Load.Resilience's
/// recorder both judge by, at its edges: which responses ask, how a delta and a date are read, and how early is early.
/// </summary>
public sealed class RetryAfterRuleTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void A_429_or_503_with_delta_seconds_asks_to_wait_from_its_arrival(int status)
    {
        Assert.Equal(new RetryAfterWait(Epoch.AddSeconds(4), FromDate: false, "3"), RetryAfterRule.Read(status, "3", Epoch.AddSeconds(1)));
        Assert.Equal(new RetryAfterWait(Epoch.AddSeconds(3), FromDate: false, "3"), RetryAfterRule.Read(status, " 3 ", Epoch));
        Assert.Equal(new RetryAfterWait(Epoch, FromDate: false, "0"), RetryAfterRule.Read(status, "0", Epoch));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(408)]
    [InlineData(428)]
    [InlineData(430)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public void Another_status_asks_nothing_whatever_its_header(int status)
    {
        Assert.Null(RetryAfterRule.Read(status, "3", Epoch));
    }

    [Fact]
    public void An_http_date_is_an_instant_of_one_second_resolution()
    {
        var date = Epoch.AddSeconds(30);

        var wait = RetryAfterRule.Read(503, $" {date:r} ", Epoch.AddSeconds(1));

        Assert.Equal(new RetryAfterWait(date, FromDate: true, date.ToString("r", CultureInfo.InvariantCulture)), wait);
        Assert.Equal(TimeSpan.FromSeconds(1), wait!.Value.Resolution);
        Assert.Equal(TimeSpan.Zero, new RetryAfterWait(date, FromDate: false, "29").Resolution);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("3 s")]
    public void A_missing_or_unreadable_header_asks_nothing(string? value)
    {
        Assert.Null(RetryAfterRule.Read(429, value, Epoch));
    }

    [Fact]
    public void A_response_is_read_by_the_same_rule_from_the_header_as_sent()
    {
        using var delta = Response(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)));
        using var date = Response(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(Epoch.AddSeconds(30)));
        using var serverError = Response(HttpStatusCode.InternalServerError, new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)));
        using var bare = Response(HttpStatusCode.ServiceUnavailable, null);

        Assert.Equal(new RetryAfterWait(Epoch.AddSeconds(3), false, "2"), RetryAfterRule.Read(delta, Epoch.AddSeconds(1)));
        Assert.Equal(new RetryAfterWait(Epoch.AddSeconds(30), true, Epoch.AddSeconds(30).ToString("r", CultureInfo.InvariantCulture)), RetryAfterRule.Read(date, Epoch.AddSeconds(1)));
        Assert.Null(RetryAfterRule.Read(serverError, Epoch));
        Assert.Null(RetryAfterRule.Read(bare, Epoch));
        Assert.Throws<ArgumentNullException>(() => RetryAfterRule.Read(null!, Epoch));
    }

    [Fact]
    public void After_a_delta_one_tick_early_is_a_violation_and_the_instant_itself_is_not()
    {
        var wait = new RetryAfterWait(Epoch, FromDate: false, "0");

        Assert.True(RetryAfterRule.IsViolation(Epoch.AddTicks(-1), wait));
        Assert.False(RetryAfterRule.IsViolation(Epoch, wait));
        Assert.False(RetryAfterRule.IsViolation(Epoch.AddSeconds(5), wait));
    }

    [Fact]
    public void A_tolerance_forgives_exactly_that_much()
    {
        var wait = new RetryAfterWait(Epoch, FromDate: false, "0");
        var tolerance = TimeSpan.FromMilliseconds(20);

        Assert.False(RetryAfterRule.IsViolation(Epoch - tolerance, wait, tolerance));
        Assert.True(RetryAfterRule.IsViolation(Epoch - tolerance - TimeSpan.FromTicks(1), wait, tolerance));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryAfterRule.IsViolation(Epoch, wait, TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void After_a_date_up_to_a_second_early_is_on_time_and_a_larger_tolerance_still_wins()
    {
        var wait = new RetryAfterWait(Epoch, FromDate: true, Epoch.ToString("r", CultureInfo.InvariantCulture));

        Assert.False(RetryAfterRule.IsViolation(Epoch.AddSeconds(-1), wait));
        Assert.True(RetryAfterRule.IsViolation(Epoch.AddSeconds(-1).AddTicks(-1), wait));
        Assert.True(RetryAfterRule.IsViolation(Epoch.AddSeconds(-1).AddTicks(-1), wait, TimeSpan.FromMilliseconds(999)));
        Assert.False(RetryAfterRule.IsViolation(Epoch.AddSeconds(-2), wait, TimeSpan.FromSeconds(2)));
        Assert.True(RetryAfterRule.IsViolation(Epoch.AddSeconds(-2).AddTicks(-1), wait, TimeSpan.FromSeconds(2)));
    }

    private static HttpResponseMessage Response(HttpStatusCode status, RetryConditionHeaderValue? retryAfter)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
