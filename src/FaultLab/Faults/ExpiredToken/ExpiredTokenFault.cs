using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// A resource server that checks bearer tokens (RFC 6750). A JWT's <c>exp</c> claim decides when it expires; any
/// other token expires <see cref="TokenLifetime"/> after FaultLab first saw it. Expired or revoked: 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c>; no token: 401 with a bare <c>Bearer</c> challenge.
/// Valid tokens pass through. Only SHA-256 hashes of tokens are kept in memory.
/// </summary>
[FaultKind("A bearer-token resource server: expired or revoked tokens get 401 with error=\"invalid_token\"; a missing token gets a bare Bearer challenge.",
    Example = """{ "TokenLifetime": "00:05:00", "Realm": "orders" }""")]
public sealed class ExpiredTokenFault : Fault
{

    /// <summary>Gets or sets how long an opaque (non-JWT) token lives from first sight. Defaults to 1 hour.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets an offset from profile start at which every token seen until then is revoked.</summary>
    public TimeSpan? RevokeAt { get; set; }

    /// <summary>Gets or sets the realm in the challenge; omitted when <see langword="null"/>.</summary>
    public string? Realm { get; set; }

    /// <summary>Gets or sets a value indicating whether a request without a token is rejected. Defaults to <see langword="true"/>.</summary>
    public bool RequireToken { get; set; } = true;

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (TokenLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(TokenLifetime)]}: must be positive (was {TokenLifetime}).");
        }

        if (RevokeAt is { } r && r < TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(RevokeAt)]}: must not be negative (was {r}).");
        }
    }

    internal override FaultRealization Realize(RealizationContext context)
    {
        var ledger = new TokenLedger(context.Clock, TokenLifetime, RevokeAt is { } at ? context.ProfileStart + at : null);
        return new Answer(context, request =>
        {
            if (Challenge(request, ledger) is not { } challenge)
            {
                return null; // a valid token, or none where none is required: the request goes through
            }

            var response = InjectedResponse.Create(request, 401, context.Clock,
                InjectedResponse.ProblemDetails(401, "The access token expired or is missing.", request));
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
            return response;
        });
    }

    private string? Challenge(HttpRequestMessage? request, TokenLedger ledger)
    {
        // A quoted-string (RFC 9110 §5.6.4): a quote or backslash in the realm is escaped, or the challenge breaks.
        string? quoted = Realm?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        string realm = quoted is null ? string.Empty : $"realm=\"{quoted}\", ";
        var authorization = request?.Headers.Authorization;
        if (authorization is null || !string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) ||
            string.IsNullOrWhiteSpace(authorization.Parameter))
        {
            return RequireToken ? (quoted is null ? "Bearer" : $"Bearer realm=\"{quoted}\"") : null;
        }

        return ledger.IsValid(authorization.Parameter)
            ? null
            : $"Bearer {realm}error=\"invalid_token\", error_description=\"The access token expired\"";
    }
}
