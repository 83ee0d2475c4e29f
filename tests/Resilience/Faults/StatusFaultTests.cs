using System.Net;
using System.Text.Json;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class StatusFaultTests
{
    public static TheoryData<int> ErrorStatuses => [400, 401, 403, 404, 408, 409, 410, 429, 500, 502, 503, 504];

    [Theory]
    [MemberData(nameof(ErrorStatuses))]
    public async Task Answers_with_the_status_and_an_RFC9457_problem_body_like_a_real_server(int status)
    {
        using var clients = Clients.Create(f => f.AddStatus((HttpStatusCode)status));

        using var response = await clients.Client.GetAsync("/orders/7");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(new HttpResponseMessage((HttpStatusCode)status).ReasonPhrase, response.ReasonPhrase);
        Assert.Equal(new Uri("http://orders.internal:8080/orders/7"), response.RequestMessage!.RequestUri);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(clients.TimeProvider.GetUtcNow(), response.Headers.Date);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(response.ReasonPhrase, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("/orders/7", problem.RootElement.GetProperty("instance").GetString());
        Assert.StartsWith("https://", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Fact]
    public async Task A_401_carries_the_challenge_every_real_401_must_carry_unless_one_is_given()
    {
        // RFC 9110 §15.5.2: a 401 MUST send WWW-Authenticate; FAULTS.md: no credentials → a bare Bearer challenge.
        using var plain = Clients.Create(f => f.AddStatus(HttpStatusCode.Unauthorized));
        using var given = Clients.Create(f => f.AddStatus(s => { s.StatusCode = 401; s.Headers["WWW-Authenticate"] = "Basic realm=\"ops\""; }));

        using var bare = await plain.Client.GetAsync("/orders");
        using var custom = await given.Client.GetAsync("/orders");

        Assert.Equal("Bearer", bare.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal("Basic realm=\"ops\"", custom.Headers.WwwAuthenticate.Single().ToString());
    }

    [Theory]
    [InlineData(503, "https://www.rfc-editor.org/rfc/rfc9110#status.503")]
    [InlineData(429, "https://www.rfc-editor.org/rfc/rfc6585#section-4")] // RFC 9110 has no 429: its anchor would be dead
    public async Task The_problem_type_points_at_the_RFC_that_defines_the_status(int status, string type)
    {
        using var clients = Clients.Create(f => f.AddStatus((HttpStatusCode)status));

        using var response = await clients.Client.GetAsync("/orders");

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(type, problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Retry_after_is_sent_as_delta_seconds()
    {
        using var clients = Clients.Create(f => f.AddStatus(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(2)));

        using var response = await clients.Client.GetAsync("/orders");

        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter!.Delta);
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Retry_after_can_be_an_http_date_on_the_injected_clock()
    {
        using var clients = Clients.Create(f => f.AddStatus(s =>
        {
            s.StatusCode = 503;
            s.RetryAfter = TimeSpan.FromSeconds(30);
            s.RetryAfterAsDate = true;
        }));

        using var response = await clients.Client.GetAsync("/orders");

        Assert.Equal(clients.TimeProvider.GetUtcNow().AddSeconds(30), response.Headers.RetryAfter!.Date);
    }

    [Fact]
    public async Task A_given_body_content_type_and_headers_are_sent_as_is()
    {
        using var clients = Clients.Create(f => f.AddStatus(s =>
        {
            s.StatusCode = 410;
            s.Body = """{"error":"v1 removed"}""";
            s.Headers["Sunset"] = "Wed, 01 Jan 2025 00:00:00 GMT";
        }));

        using var response = await clients.Client.GetAsync("/v1/orders");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("""{"error":"v1 removed"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Wed, 01 Jan 2025 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
    }

    [Fact]
    public void A_content_type_that_is_not_a_media_type_is_a_configuration_error_naming_the_setting_not_a_FormatException_per_request()
    {
        var ex = Assert.Throws<ArgumentException>(() => FaultInjection.CreateHandler(f => f.AddStatus(s =>
        {
            s.Body = "{}";
            s.ContentType = "json";
        })));

        Assert.Equal("Invalid fault profile: Faults:0:ContentType: must be a media type such as application/json (was 'json'). (Parameter 'configure')",
            ex.Message);
    }

    [Fact]
    public void A_header_that_cannot_be_sent_is_a_configuration_error_not_silently_dropped()
    {
        var ex = Assert.Throws<ArgumentException>(() => FaultInjection.CreateHandler(f => f.AddStatus(s => s.Headers["Retry After"] = "2")));

        Assert.Equal("Invalid fault profile: Faults:0:Headers:Retry After: 'Retry After' is not a valid header name. (Parameter 'configure')",
            ex.Message);
    }

    [Fact]
    public async Task Gateway_style_bodies_are_html_like_a_load_balancer_page()
    {
        using var clients = Clients.Create(f => f.AddStatus(s => { s.StatusCode = 502; s.BodyStyle = ErrorBodyStyle.Gateway; }));

        using var response = await clients.Client.GetAsync("/orders");

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_request_gets_its_own_response_instance()
    {
        using var clients = Clients.Create(f => f.AddStatus(HttpStatusCode.InternalServerError));

        var first = await clients.Client.GetAsync("/a");
        first.Dispose();
        using var second = await clients.Client.GetAsync("/b");

        Assert.NotSame(first, second);
        Assert.Equal(500, (int)(await second.Content.ReadFromJsonStatus()));
    }
    [Theory]
    [InlineData(400)]
    [InlineData(599)]
    public void The_error_status_range_is_inclusive(int status)
    {
        Assert.Empty(FaultErrors.Of(new StatusFault { StatusCode = status }));
    }

    [Theory]
    [InlineData(399)]
    [InlineData(600)]
    [InlineData(200)]
    public void A_status_that_is_no_error_is_rejected_with_its_value(int status)
    {
        Assert.Equal([$"Faults:0:StatusCode: must be an error status from 400 to 599 (was {status})."], FaultErrors.Of(new StatusFault { StatusCode = status }));
    }

    [Fact]
    public void A_negative_retry_after_is_rejected_and_zero_is_not()
    {
        Assert.Empty(FaultErrors.Of(new StatusFault { RetryAfter = TimeSpan.Zero }));
        Assert.Equal(["Faults:0:RetryAfter: must not be negative (was -00:00:01)."], FaultErrors.Of(new StatusFault { RetryAfter = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public void Content_headers_and_media_types_with_parameters_are_valid()
    {
        var fault = new StatusFault { Body = "x", ContentType = "text/plain; charset=utf-8" };
        fault.Headers["Content-Language"] = "de";
        fault.Headers["X-Trace"] = "1";

        Assert.Empty(FaultErrors.Of(fault));
    }

    [Fact]
    public async Task A_header_that_belongs_to_the_content_is_sent_on_the_content()
    {
        using var clients = Clients.Create(f => f.AddStatus(s =>
        {
            s.StatusCode = 503;
            s.Headers["Content-Language"] = "de";
            s.Headers["X-Reason"] = "maintenance";
        }));

        using var response = await clients.Client.GetAsync("/orders");

        Assert.Equal("de", response.Content.Headers.ContentLanguage.Single());
        Assert.Equal("maintenance", response.Headers.GetValues("X-Reason").Single());
        Assert.False(response.Headers.Contains("WWW-Authenticate")); // only a 401 gets a challenge
    }

    [Fact]
    public async Task An_empty_body_style_sends_no_body_and_no_content_type()
    {
        using var clients = Clients.Create(f => f.AddStatus(s => { s.StatusCode = 500; s.BodyStyle = ErrorBodyStyle.Empty; }));

        using var response = await clients.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Content.Headers.ContentType);
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task A_literal_body_is_sent_with_its_content_type_and_wins_over_the_body_style()
    {
        using var clients = Clients.Create(f => f.AddStatus(s =>
        {
            s.StatusCode = 502;
            s.BodyStyle = ErrorBodyStyle.Gateway;
            s.Body = "upstream down";
            s.ContentType = "text/plain; charset=utf-8";
        }));

        using var response = await clients.Client.GetAsync("/orders");

        Assert.Equal("upstream down", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task The_problem_detail_is_the_given_detail()
    {
        using var clients = Clients.Create(f => f.AddStatus(s => { s.StatusCode = 409; s.Detail = "Order 7 was changed by another request."; }));

        using var response = await clients.Client.GetAsync("/orders/7");

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Order 7 was changed by another request.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("Conflict", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Retry_after_of_a_fraction_of_a_second_rounds_up_to_whole_seconds()
    {
        using var seconds = Clients.Create(f => f.AddStatus(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromMilliseconds(1500)));

        using var response = await seconds.Client.GetAsync("/orders");

        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public void The_builder_shorthand_sets_status_rate_and_retry_after()
    {
        var status = Assert.IsType<StatusFault>(Assert.Single(FaultErrors.Built(b => b.AddStatus(HttpStatusCode.BadGateway, 0.3, TimeSpan.FromSeconds(4)))));
        var configured = Assert.IsType<StatusFault>(Assert.Single(FaultErrors.Built(b => b.AddStatus(s => s.Detail = "d"))));

        Assert.Equal((502, 0.3, (TimeSpan?)TimeSpan.FromSeconds(4)), (status.StatusCode, status.InjectionRate, status.RetryAfter));
        Assert.Equal((503, "d", ErrorBodyStyle.ProblemDetails, false), (configured.StatusCode, configured.Detail, configured.BodyStyle, configured.RetryAfterAsDate));
    }
}

internal static class ProblemJson
{
    public static async Task<int> ReadFromJsonStatus(this HttpContent content)
    {
        using var json = JsonDocument.Parse(await content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetInt32();
    }
}
