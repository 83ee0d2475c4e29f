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

    [Fact]
    public async Task The_401_for_an_expired_token_has_a_problem_body_and_the_dependency_is_not_called()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(TimeSpan.FromMinutes(1)));
        await Send(clients.Client, "t");
        clients.TimeProvider.Advance(TimeSpan.FromMinutes(1));

        using var response = await Send(clients.Client, "t");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The access token expired\"", string.Join(", ", response.Headers.GetValues("WWW-Authenticate")));
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The access token expired or is missing.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(1, clients.Upstream.Calls);
    }

    [Fact]
    public async Task The_bearer_scheme_is_case_insensitive_and_another_scheme_counts_as_no_token()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(e => e.Realm = "orders"));

        using var lower = await Send(clients.Client, "t", "bearer");
        using var basic = await Send(clients.Client, "dXNlcjpwdw==", "Basic");
        using var blank = await Send(clients.Client, " ", "Bearer");

        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal("Bearer realm=\"orders\"", string.Join(", ", basic.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal(HttpStatusCode.Unauthorized, blank.StatusCode);
        Assert.Equal(1, clients.Upstream.Calls);
    }

    [Fact]
    public async Task Without_RequireToken_a_request_without_a_token_passes_but_an_expired_one_does_not()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(e => { e.RequireToken = false; e.TokenLifetime = TimeSpan.FromSeconds(10); }));

        using var anonymous = await clients.Client.GetAsync("/orders");
        await Send(clients.Client, "t");
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(10));
        using var expired = await Send(clients.Client, "t");

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_realm_with_a_backslash_is_escaped_in_both_challenges()
    {
        using var clients = Clients.Create(f => f.AddExpiredToken(e => { e.Realm = @"a\b"; e.TokenLifetime = TimeSpan.FromSeconds(1); }));

        using var missing = await clients.Client.GetAsync("/orders");
        await Send(clients.Client, "t");
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(1));
        using var expired = await Send(clients.Client, "t");

        Assert.Equal(@"Bearer realm=""a\\b""", string.Join(", ", missing.Headers.GetValues("WWW-Authenticate")));
        Assert.StartsWith(@"Bearer realm=""a\\b"", error=""invalid_token""", string.Join(", ", expired.Headers.GetValues("WWW-Authenticate")), StringComparison.Ordinal);
    }

    [Fact]
    public void Revocation_applies_from_exactly_its_moment_to_tokens_first_seen_before_it()
    {
        var clock = Clock.New();
        var ledger = new TokenLedger(clock, TimeSpan.FromHours(1), clock.GetUtcNow() + TimeSpan.FromSeconds(10));

        Assert.True(ledger.IsValid("early"));
        clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.True(ledger.IsValid("early"));
        Assert.True(ledger.IsValid("just-before"));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(ledger.IsValid("early"));
        Assert.False(ledger.IsValid("just-before"));
        Assert.True(ledger.IsValid("at-the-moment")); // first seen at the revocation itself: issued after it
        Assert.True(ledger.IsValid("at-the-moment"));
    }

    [Fact]
    public void An_opaque_token_lives_exactly_its_lifetime_from_first_sight()
    {
        var clock = Clock.New();
        var ledger = new TokenLedger(clock, TimeSpan.FromSeconds(30), null);

        Assert.True(ledger.IsValid("t"));
        clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        Assert.True(ledger.IsValid("t"));
        Assert.True(ledger.IsValid("u")); // first seen now
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(ledger.IsValid("t"));
        Assert.True(ledger.IsValid("u"));
    }

    [Fact]
    public void A_JWT_is_valid_until_one_tick_before_its_exp()
    {
        var clock = Clock.New();
        var ledger = new TokenLedger(clock, TimeSpan.FromTicks(1), null); // the lifetime does not apply to a JWT
        long exp = clock.GetUtcNow().AddSeconds(20).ToUnixTimeSeconds();
        string jwt = Jwt($$"""{"exp":{{exp}}}""");

        Assert.True(ledger.IsValid(jwt));
        clock.Advance(TimeSpan.FromSeconds(20) - TimeSpan.FromTicks(1));
        Assert.True(ledger.IsValid(jwt));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(ledger.IsValid(jwt));
    }

    [Theory]
    [InlineData("""{"exp":1795766430}""")] // 18 bytes: base64 needs no padding
    [InlineData("""{"exp":1795766430 }""")] // 19 bytes: two '=' stripped
    [InlineData("""{"exp":1795766430  }""")] // 20 bytes: one '=' stripped
    [InlineData("""{"n":"~~~???>>>","exp":1795766430}""")] // base64url's '-' and '_' stand for '+' and '/'
    public void The_exp_claim_is_read_from_any_base64url_payload(string payload)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795766430), TokenLedger.TryReadJwtExpiry(Jwt(payload)));
    }

    [Fact]
    public void The_url_safe_payload_really_holds_the_url_safe_characters()
    {
        string payload = Jwt("""{"n":"~~~???>>>","exp":1795766430}""").Split('.')[1];

        Assert.Contains('-', payload);
        Assert.Contains('_', payload);
    }

    [Theory]
    [InlineData("no-dots-at-all")]
    [InlineData("two.parts")]
    [InlineData("a.b.c.d")]
    [InlineData("a.!!!.c")] // not base64
    [InlineData("a.e30.c")] // {} : no exp
    public void Anything_but_a_three_part_token_with_a_readable_exp_is_opaque(string token)
    {
        Assert.Null(TokenLedger.TryReadJwtExpiry(token));
    }

    [Theory]
    [InlineData("""{"exp":"1795766430"}""")]
    [InlineData("""{"exp":1795766430.5}""")]
    [InlineData("""[1795766430]""")]
    [InlineData("""{"exp":253402300800}""")] // one second past DateTimeOffset.MaxValue
    [InlineData("""{"exp":-62135596801}""")] // one second before DateTimeOffset.MinValue
    public void An_exp_that_is_no_whole_number_of_seconds_in_range_is_opaque(string payload)
    {
        Assert.Null(TokenLedger.TryReadJwtExpiry(Jwt(payload)));
    }

    [Theory]
    [InlineData(253402300799L)]
    [InlineData(-62135596800L)]
    public void The_range_of_exp_is_inclusive(long seconds)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds), TokenLedger.TryReadJwtExpiry(Jwt($$"""{"exp":{{seconds}}}""")));
    }

    [Fact]
    public void Validation_names_lifetime_and_revocation_with_their_values()
    {
        Assert.Empty(FaultErrors.Of(new ExpiredTokenFault { TokenLifetime = TimeSpan.FromTicks(1), RevokeAt = TimeSpan.Zero }));
        Assert.Equal(["Faults:0:TokenLifetime: must be positive (was 00:00:00)."], FaultErrors.Of(new ExpiredTokenFault { TokenLifetime = TimeSpan.Zero }));
        Assert.Equal(["Faults:0:RevokeAt: must not be negative (was -00:00:01)."], FaultErrors.Of(new ExpiredTokenFault { RevokeAt = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public void The_builder_shorthands_set_the_lifetime_and_the_rest()
    {
        var plain = Assert.IsType<ExpiredTokenFault>(Assert.Single(FaultErrors.Built(b => b.AddExpiredToken(TimeSpan.FromMinutes(3)))));
        var configured = Assert.IsType<ExpiredTokenFault>(Assert.Single(FaultErrors.Built(b => b.AddExpiredToken(e => e.Realm = "r"))));

        Assert.Equal(TimeSpan.FromMinutes(3), plain.TokenLifetime);
        Assert.Equal(("r", TimeSpan.FromHours(1), true, (TimeSpan?)null), (configured.Realm, configured.TokenLifetime, configured.RequireToken, configured.RevokeAt));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string token, string scheme = "Bearer")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        return client.SendAsync(request);
    }

    private static string Jwt(string payload)
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{B64("""{"alg":"none"}""")}.{B64(payload)}.sig";
    }
}
