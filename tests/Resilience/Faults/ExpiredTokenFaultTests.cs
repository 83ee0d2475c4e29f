using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class ExpiredTokenFaultTests
{
    [Fact]
    public async Task A_request_without_a_token_gets_a_bare_bearer_challenge()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(TimeSpan.FromMinutes(5)));

        using var response = await clients.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Fact]
    public async Task An_opaque_token_passes_until_its_lifetime_from_first_sight_then_gets_invalid_token()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(e => { e.TokenLifetime = TimeSpan.FromMinutes(5); e.Realm = "orders"; }));
        var client = clients.Client;

        Assert.Equal(HttpStatusCode.OK, (await Send(client, "opaque-abc")).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromMinutes(4.9));
        Assert.Equal(HttpStatusCode.OK, (await Send(client, "opaque-abc")).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromMinutes(0.1));
        using var expired = await Send(client, "opaque-abc");

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Bearer realm=\"orders\", error=\"invalid_token\", error_description=\"The access token expired\"",
            string.Join(", ", expired.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal(HttpStatusCode.OK, (await Send(client, "fresh-token")).StatusCode);
        Assert.Equal(3, clients.Upstream.Calls);
    }

    [Fact]
    public async Task A_JWT_expires_at_its_exp_claim()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(TimeSpan.FromDays(1)));
        long exp = clients.TimeProvider.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds();
        string jwt = Jwt($$"""{"sub":"svc","exp":{{exp}}}""");

        Assert.Equal(HttpStatusCode.OK, (await Send(clients.Client, jwt)).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(clients.Client, jwt)).StatusCode);
    }

    [Fact]
    public async Task Revocation_invalidates_every_token_seen_before_the_moment()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(e => e.RevokeAt = TimeSpan.FromMinutes(1)));
        Assert.Equal(HttpStatusCode.OK, (await Send(clients.Client, "old")).StatusCode);

        clients.TimeProvider.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(clients.Client, "old")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(clients.Client, "issued-after-revocation")).StatusCode);
    }

    [Theory]
    [InlineData("""{"sub":"svc","exp":1764200000000}""")] // exp in milliseconds, a common issuer mistake: beyond DateTimeOffset
    [InlineData("""{"sub":"svc","exp":-99999999999999}""")]
    [InlineData("123")] // a dotted opaque token whose middle part happens to decode to JSON that is not an object
    public async Task A_token_whose_payload_is_not_a_usable_JWT_is_treated_as_opaque_not_thrown_to_the_caller(string payload)
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(TimeSpan.FromMinutes(5)));
        string token = Jwt(payload);

        using var fresh = await Send(clients.Client, token);
        clients.TimeProvider.Advance(TimeSpan.FromMinutes(5));
        using var expired = await Send(clients.Client, token);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_realm_with_quotes_is_escaped_so_the_challenge_still_parses()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(e => e.Realm = "orders \"eu\""));

        using var response = await clients.Client.GetAsync("/orders");

        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("realm=\"orders \\\"eu\\\"\"", challenge.Parameter);
    }

    [Fact]
    public void Only_hashes_of_tokens_are_kept_in_memory()
    {
        var ledger = new TokenLedger(Clock.New(), TimeSpan.FromMinutes(1), null);
        ledger.IsValid("super-secret-token");

        var field = typeof(TokenLedger).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Single(f => f.FieldType.Name.StartsWith("ConcurrentDictionary", StringComparison.Ordinal));
        var keys = ((System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>)field.GetValue(ledger)!).Keys;

        Assert.DoesNotContain(keys, k => k.Contains("secret", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(64, Assert.Single(keys).Length);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private static string Jwt(string payload)
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{B64("""{"alg":"none"}""")}.{B64(payload)}.sig";
    }
}
