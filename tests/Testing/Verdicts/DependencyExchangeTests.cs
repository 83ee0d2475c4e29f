using FaultLab.Testing;
using static FaultLab.Testing.Tests.Verdicts.Exchanges;

namespace FaultLab.Testing.Tests.Verdicts;

/// <summary>The facts every rule reads off one attempt: failed or not, may have reached the server or not, headers, evidence text.</summary>
public sealed class DependencyExchangeTests
{
    [Theory]
    [InlineData(200, false)]
    [InlineData(404, false)]
    [InlineData(407, false)]
    [InlineData(408, true)]
    [InlineData(428, false)]
    [InlineData(429, true)]
    [InlineData(430, false)]
    [InlineData(499, false)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    public void A_response_failed_when_its_status_is_408_429_or_5xx(int status, bool failed)
    {
        Assert.Equal(failed, At(1, 0, status).Failed);
    }

    [Theory]
    [InlineData(ExchangeOutcome.Response, false, false)]
    [InlineData(ExchangeOutcome.NotConnected, true, false)]
    [InlineData(ExchangeOutcome.ConnectionLost, true, true)]
    [InlineData(ExchangeOutcome.Cancelled, true, true)]
    [InlineData(ExchangeOutcome.BodyCut, true, true)]
    [InlineData(ExchangeOutcome.OtherError, true, false)]
    public void An_exception_or_cut_body_failed_and_only_a_failure_after_sending_may_have_reached_the_server(ExchangeOutcome outcome, bool failed, bool reached)
    {
        var exchange = At(1, 0, 200, outcome: outcome);

        Assert.Equal((failed, reached), (exchange.Failed, exchange.MayHaveReachedServer));
    }

    [Fact]
    public void A_cut_body_failed_even_with_a_success_status()
    {
        var exchange = At(1, 0) with { Outcome = ExchangeOutcome.BodyCut, StatusCode = 200 };

        Assert.True(exchange.Failed);
        Assert.Equal("BodyCut", exchange.Result);
    }

    [Fact]
    public void Headers_are_found_whatever_their_case_even_in_a_case_sensitive_dictionary()
    {
        var exchange = At(1, 0) with
        {
            RequestHeaders = new Dictionary<string, string>(StringComparer.Ordinal) { ["Idempotency-Key"] = "k-1" },
            ResponseHeaders = new Dictionary<string, string>(StringComparer.Ordinal) { ["retry-after"] = "2", ["Retry-After-Other"] = "9" },
        };

        Assert.Equal("k-1", exchange.RequestHeader("idempotency-key"));
        Assert.Equal("k-1", exchange.RequestHeader("Idempotency-Key"));
        Assert.Equal("2", exchange.ResponseHeader("Retry-After"));
        Assert.Null(exchange.ResponseHeader("Authorization"));
        Assert.Null(exchange.RequestHeader("Retry-After"));
    }

    [Fact]
    public void Evidence_names_the_attempt_its_offset_and_its_result()
    {
        Assert.Equal("attempt 2 (POST /orders) at +1.500 s: 503", At(2, 1.5, 503, method: "POST").Describe(T0));
        Assert.Equal("attempt 1 (GET /orders) at +0.250 s: ConnectionLost (HttpRequestException)", At(1, 1.25, outcome: ExchangeOutcome.ConnectionLost).Describe(Instant(1)));
        Assert.Equal("Cancelled", At(1, 0, outcome: ExchangeOutcome.Cancelled, error: null).Result);
        Assert.Equal("response", (At(1, 0) with { StatusCode = null }).Result);
        Assert.Equal("+61.001 s", DependencyExchange.Offset(Instant(61.001), T0));
    }
}
