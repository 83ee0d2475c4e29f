using System.Net;
using System.Text;

namespace FaultLab.Testing;

/// <summary>
/// An in-memory dependency to use as a client's primary handler: canned responses per route, and a record of every
/// request that really reached it, so a test can say "the dependency saw exactly 3 attempts". Every request gets a
/// fresh response (resilience handlers dispose what they retry). Unmapped routes answer 404, as a real server would.
/// </summary>
public sealed class FakeUpstream : HttpMessageHandler
{
    private readonly List<Route> _routes = [];
    private readonly List<ReceivedRequest> _received = [];
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();

    /// <summary>Creates an upstream with no routes.</summary>
    /// <param name="clock">Stamps <see cref="ReceivedRequest.ReceivedAt"/>; use the test's fake clock. The system clock when omitted.</param>
    public FakeUpstream(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Gets every request that reached the upstream so far, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Gets how many requests reached the upstream so far.</summary>
    public int RequestCount
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>Answers requests for <paramref name="path"/> (any method) with <paramref name="respond"/>.</summary>
    /// <param name="method">The method to match; <see langword="null"/> matches any.</param>
    /// <param name="path">The absolute path to match, case-insensitive (for example <c>/weather</c>).</param>
    /// <param name="respond">Builds a new response for each request.</param>
    /// <returns>The same upstream.</returns>
    public FakeUpstream Map(HttpMethod? method, string path, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(respond);
        lock (_gate)
        {
            _routes.Add(new Route(method, path, respond));
        }

        return this;
    }

    /// <summary>Answers requests for <paramref name="path"/> (any method) with a fixed status and body.</summary>
    /// <param name="path">The absolute path to match, case-insensitive.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="body">The body; empty when omitted.</param>
    /// <param name="contentType">The body's media type.</param>
    /// <returns>The same upstream.</returns>
    public FakeUpstream Map(string path, HttpStatusCode statusCode, string? body = null, string contentType = "application/json") =>
        Map(null, path, request => Respond(request, statusCode, body, contentType));

    /// <summary>Answers GET requests for <paramref name="path"/> with 200 and a JSON body.</summary>
    /// <param name="path">The absolute path to match, case-insensitive.</param>
    /// <param name="json">The JSON body.</param>
    /// <returns>The same upstream.</returns>
    public FakeUpstream MapGet(string path, string json) =>
        Map(HttpMethod.Get, path, request => Respond(request, HttpStatusCode.OK, json, "application/json"));

    /// <summary>Counts the requests for <paramref name="path"/> that reached the upstream.</summary>
    /// <param name="path">The absolute path, case-insensitive.</param>
    /// <returns>The count.</returns>
    public int CountFor(string path) => Requests.Count(r => string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>Builds a response as a server would hand it over: status, body with Content-Length, the request attached.</summary>
    /// <param name="request">The request answered.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="body">The body; empty when <see langword="null"/>.</param>
    /// <param name="contentType">The body's media type.</param>
    /// <returns>A new response.</returns>
    public static HttpResponseMessage Respond(HttpRequestMessage request, HttpStatusCode statusCode, string? body = null,
        string contentType = "application/json") => new(statusCode)
        {
            RequestMessage = request,
            Content = new StringContent(body ?? string.Empty, Encoding.UTF8, contentType),
        };

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Route? route;
        lock (_gate)
        {
            _received.Add(Capture(request, body));
            route = _routes.LastOrDefault(r => r.Matches(request));
        }

        var response = route is null
            ? Respond(request, HttpStatusCode.NotFound, $"No route for {request.Method} {request.RequestUri?.AbsolutePath}", "text/plain")
            : route.Respond(request);
        response.RequestMessage ??= request;
        return response;
    }

    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private ReceivedRequest Capture(HttpRequestMessage request, string? body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[name] = string.Join(", ", values);
        }

        var uri = request.RequestUri ?? throw new InvalidOperationException("FakeUpstream needs an absolute request URI; set the client's BaseAddress.");
        return new ReceivedRequest(request.Method, uri, headers, body, _clock.GetUtcNow());
    }

    // Later mappings win, so a test can override a route set up by shared fixture code.
    private sealed record Route(HttpMethod? Method, string Path, Func<HttpRequestMessage, HttpResponseMessage> Respond)
    {
        public bool Matches(HttpRequestMessage request) =>
            (Method is null || Method == request.Method) &&
            string.Equals(request.RequestUri?.AbsolutePath, Path, StringComparison.OrdinalIgnoreCase);
    }
}
