using System.Net.Http.Json;

namespace FaultLab.Cli.Demo;

/// <summary>
/// Gets bearer tokens from the API's token endpoint and caches each until the lifetime the endpoint announced.
/// Proactive refresh only: a token the server considers expired earlier (skew, revocation) is used until then.
/// </summary>
internal sealed class TokenSource(Uri tokenEndpoint, TimeProvider clock, HttpMessageHandler? handler = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HttpClient _http = new(handler ?? new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(5) };
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>Gets the cached token, fetching a new one when the announced lifetime is over or when forced.</summary>
    public async Task<string> GetAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (forceRefresh || _token is null || clock.GetUtcNow() >= _expires)
            {
                using var response = await _http.PostAsync(tokenEndpoint, null, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var token = await response.Content.ReadFromJsonAsync(DemoJson.Default.TokenResponse, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The token endpoint returned no token.");
                _token = token.AccessToken;
                _expires = clock.GetUtcNow().AddSeconds(token.ExpiresIn);
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
