namespace FaultLab;

/// <summary>
/// The packs <see cref="PackFault"/> knows, each as its vendor documents it (sources in docs/fault-packs.md and in
/// <see cref="ApiPack.Source"/>). Values a real server computes (waits, reset times, request ids) come from the
/// injected clock and the fault's <c>RetryAfter</c>.
/// </summary>
internal static class ApiPacks
{
    private static readonly ApiPack[] All =
    [
        new("azure-arm-throttled", 429, "Too Many Requests", "application/json; charset=utf-8", TimeSpan.FromSeconds(17),
            "https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling",
            r => [("Retry-After", r.Seconds), ("x-ms-ratelimit-remaining-subscription-reads", "0"), ("x-ms-request-id", r.RequestId)],
            r => """{"error":{"code":"TooManyRequests","message":"The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/armthrottling"}}"""),
        new("azure-cosmos-429", 429, "Too Many Requests", "application/json", TimeSpan.FromMilliseconds(850),
            "https://learn.microsoft.com/azure/cosmos-db/nosql/troubleshoot-request-rate-too-large",
            r => [("x-ms-retry-after-ms", r.Milliseconds), ("x-ms-substatus", "3200"), ("x-ms-activity-id", r.RequestId), ("x-ms-request-charge", "0.38")],
            r => $$"""{"code":"429","message":"Message: {\"Errors\":[\"Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later. Learn more: http://aka.ms/cosmosdb-error-429\"]}\r\nActivityId: {{r.RequestId}}"}"""),
        new("azure-cosmos-449", 449, "Retry With", "application/json", TimeSpan.FromMilliseconds(100),
            "https://learn.microsoft.com/rest/api/cosmos-db/http-status-codes-for-cosmosdb",
            r => [("x-ms-retry-after-ms", r.Milliseconds), ("x-ms-activity-id", r.RequestId)],
            r => $$"""{"code":"RetryWith","message":"Message: {\"Errors\":[\"The operation encountered a transient error. This typically happens when the same document is updated concurrently. Please retry.\"]}\r\nActivityId: {{r.RequestId}}"}"""),
        new("azure-cosmos-503", 503, "Service Unavailable", "application/json", TimeSpan.Zero,
            "https://learn.microsoft.com/azure/cosmos-db/nosql/troubleshoot-service-unavailable",
            r => [("x-ms-activity-id", r.RequestId), ("x-ms-substatus", "0")],
            r => $$"""{"code":"ServiceUnavailable","message":"Service is currently unavailable. More info: https://aka.ms/cosmosdb-tsg-service-unavailable\r\nActivityId: {{r.RequestId}}"}"""),
        new("aws-s3-slowdown", 503, "Slow Down", "application/xml", TimeSpan.Zero,
            "https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html",
            r => [("x-amz-request-id", r.RequestId), ("x-amz-id-2", $"{r.RequestId}/Yd9n1fGQ5mO2yQ=="), ("Server", "AmazonS3")],
            r => $"""<?xml version="1.0" encoding="UTF-8"?>{"\n"}<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>{r.RequestId}</RequestId><HostId>{r.RequestId}/Yd9n1fGQ5mO2yQ==</HostId></Error>"""),
        new("aws-dynamodb-throttling", 400, "Bad Request", "application/x-amz-json-1.0", TimeSpan.Zero,
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html",
            r => [("x-amzn-RequestId", r.RequestId), ("x-amz-crc32", "3412589412")],
            r => """{"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"""),
        new("github-primary-rate-limit", 403, "Forbidden", "application/json; charset=utf-8", TimeSpan.FromMinutes(30),
            "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit",
            r => [("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-used", "5000"),
                ("x-ratelimit-reset", r.ResetEpochSeconds), ("x-ratelimit-resource", "core"), ("x-github-request-id", r.RequestId)],
            r => """{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}"""),
        new("github-secondary-rate-limit", 403, "Forbidden", "application/json; charset=utf-8", TimeSpan.FromSeconds(60),
            "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits",
            r => [("retry-after", r.Seconds), ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "4980"), ("x-ratelimit-used", "20"),
                ("x-ratelimit-reset", r.ResetEpochSeconds), ("x-ratelimit-resource", "core"), ("x-github-request-id", r.RequestId)],
            r => """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.","documentation_url":"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}"""),
        new("stripe-rate-limit", 429, "Too Many Requests", "application/json", TimeSpan.Zero,
            "https://docs.stripe.com/rate-limits",
            r => [("Request-Id", $"req_{r.RequestId}"), ("Stripe-Version", "2024-06-20")],
            r => """{"error":{"code":"rate_limit","doc_url":"https://stripe.com/docs/error-codes/rate-limit","message":"Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.","type":"invalid_request_error"}}"""),
        new("stripe-lock-timeout", 429, "Too Many Requests", "application/json", TimeSpan.Zero,
            "https://docs.stripe.com/error-low-level#idempotency",
            r => [("Stripe-Should-Retry", "true"), ("Request-Id", $"req_{r.RequestId}"), ("Stripe-Version", "2024-06-20")],
            r => """{"error":{"code":"lock_timeout","doc_url":"https://stripe.com/docs/error-codes/lock-timeout","message":"This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request.","type":"invalid_request_error"}}"""),
        new("openai-rate-limit", 429, "Too Many Requests", "application/json", TimeSpan.FromMilliseconds(1200),
            "https://platform.openai.com/docs/guides/rate-limits",
            r => [("retry-after-ms", r.Milliseconds), ("x-ratelimit-limit-requests", "500"), ("x-ratelimit-remaining-requests", "0"),
                ("x-ratelimit-reset-requests", $"{r.SecondsToTheMillisecond}s"),
                ("x-ratelimit-limit-tokens", "30000"), ("x-ratelimit-remaining-tokens", "29100"), ("x-ratelimit-reset-tokens", "1.8s"),
                ("x-request-id", $"req_{r.RequestId}")],
            r => $$$"""{"error":{"message":"Rate limit reached for gpt-4o in organization org-fault-lab on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in {{{r.Milliseconds}}}ms. Visit https://platform.openai.com/account/rate-limits to learn more.","type":"requests","param":null,"code":"rate_limit_exceeded"}}"""),
        new("google-resource-exhausted", 429, "Too Many Requests", "application/json; charset=UTF-8", TimeSpan.FromSeconds(30),
            "https://cloud.google.com/apis/design/errors#error_model",
            r => [("Vary", "Origin, X-Origin, Referer"), ("x-goog-request-id", r.RequestId)],
            r => $$$"""{"error":{"code":429,"message":"Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"service":"sheets.googleapis.com","quota_metric":"sheets.googleapis.com/read_requests","quota_limit":"ReadRequestsPerMinutePerUser"}},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"{{{r.Seconds}}}s"}]}}"""),
    ];

    /// <summary>Gets every pack name, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    public static ApiPack? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
