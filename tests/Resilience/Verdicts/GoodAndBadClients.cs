using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace FaultLab.Tests.Verdicts;

/// <summary>Clients that keep or deliberately break one good-client rule each, registered as an application would.</summary>
internal static class GoodAndBadClients
{
    /// <summary>Retries fast and ignores Retry-After: the rule-1 offender.</summary>
    public static void IgnoresRetryAfter(IHttpClientBuilder client) => client.AddStandardResilienceHandler(o =>
    {
        o.Retry.ShouldRetryAfterHeader = false;
        o.Retry.Delay = TimeSpan.FromMilliseconds(100);
    });

    /// <summary>The standard handler told not to retry POST, PATCH, PUT, DELETE: keeps rule 2.</summary>
    public static void DoesNotRetryUnsafe(IHttpClientBuilder client) => client.AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());

    /// <summary>Retries every second, no jitter: the rule-3 offender.</summary>
    public static void FixedDelays(IHttpClientBuilder client) => client.AddStandardResilienceHandler(o =>
    {
        o.Retry.BackoffType = DelayBackoffType.Constant;
        o.Retry.UseJitter = false;
        o.Retry.Delay = TimeSpan.FromSeconds(1);
    });

    /// <summary>No resilience and no HttpClient timeout: the rule-4 offender.</summary>
    public static void NoTimeout(IServiceCollection services, string name, Uri baseAddress) =>
        services.AddHttpClient(name, c =>
        {
            c.BaseAddress = baseAddress;
            c.Timeout = Timeout.InfiniteTimeSpan;
        });

    /// <summary>Retries without a circuit breaker: the rule-5 offender.</summary>
    public static void RetriesWithoutBreaker(IHttpClientBuilder client) => client.AddResilienceHandler("retry-only", p => p.AddRetry(new HttpRetryStrategyOptions
    {
        MaxRetryAttempts = 3,
        Delay = TimeSpan.FromMilliseconds(200),
        BackoffType = DelayBackoffType.Constant,
        UseJitter = false,
    }));

    /// <summary>Resends a 401 with the token it already had: the rule-6 offender.</summary>
    public static void RetriesSameToken(IHttpClientBuilder client, TokenIssuer tokens) =>
        client.AddHttpMessageHandler(() => new BearerHandler(tokens, refreshOnInvalidToken: false, retryOn401: true));

    /// <summary>Gets a new token after invalid_token and resends once: keeps rule 6.</summary>
    public static void RefreshesToken(IHttpClientBuilder client, TokenIssuer tokens) =>
        client.AddHttpMessageHandler(() => new BearerHandler(tokens, refreshOnInvalidToken: true, retryOn401: true));

    /// <summary>Issues opaque tokens: a new one on every refresh.</summary>
    internal sealed class TokenIssuer
    {
        private int _issued;

        public string Current { get; private set; } = "token-1";

        public string Refresh() => Current = $"token-{Interlocked.Increment(ref _issued) + 1}";
    }

    private sealed class BearerHandler(TokenIssuer tokens, bool refreshOnInvalidToken, bool retryOn401) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Current);
            var response = await base.SendAsync(request, cancellationToken);
            if (!retryOn401 || response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            response.Dispose();
            if (refreshOnInvalidToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Refresh());
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>
    /// Keeps rule 7: after a 429 that advertises <c>RateLimit-Limit</c>, sends at most that many requests per window,
    /// holding the rest on the injected clock (System.Threading.RateLimiting's limiters run on real time, so a test
    /// clock cannot drive them).
    /// </summary>
    internal sealed class PacingHandler(TimeProvider clock, TimeSpan window) : DelegatingHandler
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Queue<DateTimeOffset> _sent = new();
        private int? _limit;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                while (_limit is { } limit && Prune() >= limit)
                {
                    await Task.Delay(_sent.Peek() + window - clock.GetUtcNow(), clock, cancellationToken);
                }

                _sent.Enqueue(clock.GetUtcNow());
            }
            finally
            {
                _gate.Release();
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.TryGetValues("RateLimit-Limit", out var values) &&
                int.TryParse(values.First(), out int advertised))
            {
                _limit = advertised;
            }

            return response;
        }

        private int Prune()
        {
            while (_sent.Count > 0 && _sent.Peek() + window <= clock.GetUtcNow())
            {
                _sent.Dequeue();
            }

            return _sent.Count;
        }
    }
}
