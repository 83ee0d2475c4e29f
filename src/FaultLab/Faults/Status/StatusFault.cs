using System.Net.Http.Headers;
using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// Answers with an HTTP error status instead of calling the dependency: by default an RFC 9457
/// <c>application/problem+json</c> body, optionally with <c>Retry-After</c> (seconds or HTTP-date) and extra headers.
/// A 401 carries <c>WWW-Authenticate: Bearer</c> unless <see cref="Headers"/> gives a challenge.
/// </summary>
[FaultKind("Any 4xx/5xx response: an RFC 9457 problem+json body (or a gateway page, empty, or your body), optionally Retry-After.",
    Example = """{ "StatusCode": 503, "RetryAfter": "00:00:01" }""")]
public sealed class StatusFault : Fault
{

    /// <summary>Gets or sets the status code: any 4xx or 5xx. Defaults to 503.</summary>
    public int StatusCode { get; set; } = 503;

    /// <summary>Gets or sets the shape of the generated body when <see cref="Body"/> is not given.</summary>
    public ErrorBodyStyle BodyStyle { get; set; } = ErrorBodyStyle.ProblemDetails;

    /// <summary>Gets or sets a literal body to send instead of a generated one.</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets the content type of <see cref="Body"/>. Defaults to <c>application/json</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>Gets or sets the problem's <c>detail</c> member.</summary>
    public string? Detail { get; set; }

    /// <summary>Gets or sets the <c>Retry-After</c> to send; <see langword="null"/> sends none.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>Retry-After</c> is an HTTP-date rather than delta-seconds.</summary>
    public bool RetryAfterAsDate { get; set; }

    /// <summary>Gets extra response headers to send.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (StatusCode is < 400 or > 599)
        {
            errors.Add($"{path[nameof(StatusCode)]}: must be an error status from 400 to 599 (was {StatusCode}).");
        }

        if (RetryAfter is { } r && r < TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(RetryAfter)]}: must not be negative (was {r}).");
        }

        // A name HttpClient cannot carry (a space, a colon) would be dropped from every response without a word.
        using var probe = new HttpResponseMessage { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in Headers)
        {
            if (!probe.Headers.TryAddWithoutValidation(name, value) && !probe.Content.Headers.TryAddWithoutValidation(name, value))
            {
                errors.Add($"{path.Child(nameof(Headers))[name]}: '{name}' is not a valid header name.");
            }
        }

        // Parsed for every injected response: a bad one would otherwise throw FormatException at the caller per request.
        if (ContentType is not null && !MediaTypeHeaderValue.TryParse(ContentType, out _))
        {
            errors.Add($"{path[nameof(ContentType)]}: must be a media type such as application/json (was '{ContentType}').");
        }
    }

    internal override FaultRealization Realize(RealizationContext context) =>
        new Answer(context, request => CreateResponse(request, context.Clock));

    /// <summary>A fresh response every call: the standard handler disposes what it retries.</summary>
    internal HttpResponseMessage CreateResponse(HttpRequestMessage? request, TimeProvider clock)
    {
        HttpContent content = Body is not null
            ? InjectedResponse.Text(Body, ContentType ?? "application/json")
            : BodyStyle switch
            {
                ErrorBodyStyle.Gateway => InjectedResponse.GatewayPage(StatusCode),
                ErrorBodyStyle.Empty => new ByteArrayContent([]),
                _ => InjectedResponse.ProblemDetails(StatusCode, Detail, request),
            };
        var response = InjectedResponse.Create(request, StatusCode, clock, content);
        if (RetryAfter is { } retryAfter)
        {
            InjectedResponse.SetRetryAfter(response, retryAfter, RetryAfterAsDate, clock);
        }

        foreach (var (name, value) in Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        // A real 401 always carries a challenge (RFC 9110 §15.5.2); without credentials a bearer API sends a bare one.
        if (StatusCode == 401 && !response.Headers.Contains("WWW-Authenticate"))
        {
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer");
        }

        return response;
    }
}

/// <summary>The shape of a generated error body.</summary>
public enum ErrorBodyStyle
{
    /// <summary>RFC 9457 <c>application/problem+json</c>.</summary>
    ProblemDetails,

    /// <summary>The small HTML page a gateway or load balancer returns.</summary>
    Gateway,

    /// <summary>No body.</summary>
    Empty,
}
