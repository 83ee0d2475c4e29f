using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Recipes;

/// <summary>Recipe 6: an expired bearer token gets 401, which the standard handler rightly does not retry (the same
/// token would fail again); a token-refreshing handler written by the user recovers with exactly one extra request.</summary>
[Collection(RecipeCollection.Name)]
public sealed class ExpiredTokenRecipe
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    [Fact]
    public async Task Standard_handler_returns_the_401_of_an_expired_token_without_retrying()
    {
        using var host = RecipeHost.Create(client =>
        {
            client.ConfigureHttpClient(c => c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "token-1"));
            client.AddStandardResilienceHandler();
            client.AddFaultInjection(f => f.AddExpiredToken(TokenLifetime));
        });
        host.Upstream.MapGet("/me", """{"user":"ada"}""");
        using (var fresh = await host.GetAsync("/me"))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        host.Clock.Advance(TokenLifetime);
        using var expired = await host.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("error=\"invalid_token\"", expired.Headers.WwwAuthenticate.ToString());
        Assert.Empty(host.Events.Retries);
        Assert.Equal(1, host.Faults.CountOf("ExpiredToken"));
        Assert.Equal(1, host.Upstream.RequestCount); // only the call made while the token was fresh
    }

    [Fact]
    public async Task Token_refreshing_handler_recovers_with_exactly_one_extra_request()
    {
        var issuer = new TokenIssuer();
        using var host = RecipeHost.Create(client =>
        {
            client.AddHttpMessageHandler(() => new TokenRefreshingHandler(issuer)); // outermost: sees the final 401
            client.AddStandardResilienceHandler();
            client.AddFaultInjection(f => f.AddExpiredToken(TokenLifetime));
        });
        host.Upstream.MapGet("/me", """{"user":"ada"}""");
        (await host.GetAsync("/me")).Dispose();
        host.Clock.Advance(TokenLifetime);

        using var response = await host.GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, issuer.Refreshes);
        Assert.Equal(1, host.Faults.CountOf("ExpiredToken")); // the one extra request: token-1, rejected
        Assert.Equal(["Bearer token-1", "Bearer token-2"], host.Upstream.Requests.Select(r => r.Header("Authorization")));
        Assert.Empty(host.Events.Retries);
    }

    /// <summary>Stands in for an identity provider: hands out token-1, token-2, ...</summary>
    private sealed class TokenIssuer
    {
        private int _issued = 1;

        public int Refreshes => _issued - 1;

        public string Current => $"token-{Volatile.Read(ref _issued)}";

        public string Refresh() => $"token-{Interlocked.Increment(ref _issued)}";
    }

    /// <summary>
    /// A sample of what users write: attach the current token; on an RFC 6750 <c>invalid_token</c> challenge, refresh
    /// once and send the same request again. Anything else (a 401 without that error, a second 401) goes to the caller.
    /// </summary>
    private sealed class TokenRefreshingHandler(TokenIssuer issuer) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Current);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized || !HasInvalidTokenChallenge(response))
            {
                return response;
            }

            response.Dispose();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Refresh());
            return await base.SendAsync(request, cancellationToken);
        }

        private static bool HasInvalidTokenChallenge(HttpResponseMessage response) =>
            response.Headers.WwwAuthenticate.Any(c =>
                c.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && c.Parameter?.Contains("error=\"invalid_token\"") == true);
    }
}
