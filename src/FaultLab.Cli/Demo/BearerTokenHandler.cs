using System.Net;
using System.Net.Http.Headers;

namespace FaultLab.Cli.Demo;

/// <summary>
/// Adds the bearer token; with <c>refreshOnChallenge</c>, a 401 carrying <c>error="invalid_token"</c> makes it fetch
/// a new token and resend once — the recovery most apps forget, and what the demo's third set-up shows.
/// </summary>
internal sealed class BearerTokenHandler(TokenSource tokens, bool refreshOnChallenge) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(false, cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!refreshOnChallenge || response.StatusCode != HttpStatusCode.Unauthorized || !IsInvalidToken(response))
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(true, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsInvalidToken(HttpResponseMessage response) =>
        response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("invalid_token", StringComparison.Ordinal) == true);
}
