using FaultLab.Configuration;
using FaultLab.Pipeline;
using FaultLab.Realization;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Outcomes;

namespace FaultLab;

/// <summary>
/// A resource server that checks bearer tokens (RFC 6750). A JWT's <c>exp</c> claim decides when it expires; any
/// other token expires <see cref="TokenLifetime"/> after FaultLab first saw it. Expired or revoked: 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c>; no token: 401 with a bare <c>Bearer</c> challenge.
/// Valid tokens pass through. Only SHA-256 hashes of tokens are kept in memory.
/// </summary>
public sealed class ExpiredTokenFault : Fault
{
    /// <inheritdoc/>
    public override string Kind => "ExpiredToken";

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

    internal override void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FaultContext context)
    {
        var ledger = new TokenLedger(context.TimeProvider, TokenLifetime, RevokeAt is { } at ? context.ProfileStart + at : null);
        pipeline.AddChaosOutcome(context.Select(new ChaosOutcomeStrategyOptions<HttpResponseMessage>
        {
            OutcomeGenerator = args =>
            {
                var request = args.Context.GetRequestMessage();
                string? challenge = Challenge(request, ledger);
                if (challenge is null)
                {
                    return new ValueTask<Outcome<HttpResponseMessage>?>((Outcome<HttpResponseMessage>?)null);
                }

                var response = InjectedResponse.Create(request, 401, context.TimeProvider,
                    InjectedResponse.ProblemDetails(401, "The access token expired or is missing.", request));
                response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
                context.Report(args.Context, 401);
                return new ValueTask<Outcome<HttpResponseMessage>?>(Outcome.FromResult(response));
            },
        }));
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
