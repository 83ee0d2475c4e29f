using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace FaultLab.Testing;

/// <summary>
/// Records every attempt that passes through it as a <see cref="DependencyExchange"/>: when it was sent, its method, path
/// and headers, and what came back. Put it where the dependency is: below every handler of the client and above
/// FaultLab's fault handler, so injected faults are recorded as what the dependency "did" (a <see cref="ResilienceMatrix"/>
/// does this for you). Bearer tokens are kept only as a fingerprint.
/// </summary>
public sealed class ExchangeRecorder : DelegatingHandler
{
    /// <summary>The request option that names the logical call an attempt belongs to (see <see cref="DependencyExchange.CallId"/>).</summary>
    public static readonly HttpRequestOptionsKey<string> CallIdOption = new("FaultLab.CallId");

    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    /// <summary>Creates a recorder.</summary>
    /// <param name="clock">Stamps each attempt; use the test's clock. The system clock when omitted.</param>
    /// <param name="innerHandler">The handler below; set <see cref="DelegatingHandler.InnerHandler"/> later when omitted.</param>
    public ExchangeRecorder(TimeProvider? clock = null, HttpMessageHandler? innerHandler = null)
    {
        _clock = clock ?? TimeProvider.System;
        if (innerHandler is not null)
        {
            InnerHandler = innerHandler;
        }
    }

    /// <summary>Gets every attempt so far, oldest first; attempts still open have no <see cref="DependencyExchange.EndedAt"/>.</summary>
    public IReadOnlyList<DependencyExchange> Exchanges
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Select(e => e.Exchange)];
            }
        }
    }

    /// <summary>Forgets every attempt recorded so far (for example after priming calls); numbering starts again at 1.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Gets the fingerprint a header value is recorded as: the scheme and the first 8 hex digits of its SHA-256.</summary>
    /// <param name="authorization">The header value, for example <c>Bearer abc</c>.</param>
    /// <returns>For example <c>Bearer #c355dce9</c> for <c>Bearer abc</c> (the hash covers the whole value).</returns>
    public static string Fingerprint(string authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        int space = authorization.IndexOf(' ', StringComparison.Ordinal);
        string scheme = space > 0 ? authorization[..space] : "credentials";
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)))[..8];
        return $"{scheme} #{hash}";
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        int injectedBefore = InjectedFault.For(request).Count;
        var entry = Start(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            bool bodyCut = InjectedFault.For(request).Skip(injectedBefore).Any(f => f.Kind is "TruncatedBody");
            Finish(entry, bodyCut ? ExchangeOutcome.BodyCut : ExchangeOutcome.Response, (int)response.StatusCode, Headers(response), null);
            return response;
        }
        catch (Exception ex)
        {
            Finish(entry, Classify(ex), null, Empty, ex.GetType().Name);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Tells from the exception whether the request can have reached the server.</summary>
    private static ExchangeOutcome Classify(Exception ex) => ex switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => ExchangeOutcome.NotConnected,
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => ExchangeOutcome.ConnectionLost,
        HttpRequestException { InnerException: IOException } => ExchangeOutcome.ConnectionLost,
        HttpRequestException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound } } => ExchangeOutcome.NotConnected,
        OperationCanceledException { InnerException: TimeoutException } => ExchangeOutcome.NotConnected, // SocketsHttpHandler's ConnectTimeout
        OperationCanceledException => ExchangeOutcome.Cancelled,
        IOException => ExchangeOutcome.ConnectionLost,
        _ => ExchangeOutcome.OtherError,
    };

    private Entry Start(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            string value = string.Join(", ", values);
            headers[name] = string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ? Fingerprint(value) : value;
        }

        request.Options.TryGetValue(CallIdOption, out string? callId);
        lock (_gate)
        {
            var entry = new Entry
            {
                Exchange = new DependencyExchange(_entries.Count + 1, _clock.GetUtcNow(), null, request.Method.Method,
                    request.RequestUri?.AbsolutePath ?? string.Empty, headers, ExchangeOutcome.OtherError, null, Empty, null, callId),
            };
            _entries.Add(entry);
            return entry;
        }
    }

    private void Finish(Entry entry, ExchangeOutcome outcome, int? status, IReadOnlyDictionary<string, string> headers, string? error)
    {
        lock (_gate)
        {
            entry.Exchange = entry.Exchange with
            {
                EndedAt = _clock.GetUtcNow(),
                Outcome = outcome,
                StatusCode = status,
                ResponseHeaders = headers,
                Error = error,
            };
        }
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private sealed class Entry
    {
        public required DependencyExchange Exchange { get; set; }
    }
}
