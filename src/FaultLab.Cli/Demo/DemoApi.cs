using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaultLab.Cli.Demo;

/// <summary>
/// The embedded dependency: a small orders/payments API with a bearer-token check, on Kestrel at 127.0.0.1 with an
/// ephemeral port. It counts every request that really reached it, so retry amplification is measured, not guessed.
/// </summary>
internal sealed class DemoApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _issued = new(StringComparer.Ordinal);
    private long _requests;

    private DemoApi(WebApplication app) => _app = app;

    /// <summary>Gets the base address, for example <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the requests that reached the API.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Gets or sets the <c>expires_in</c> the token endpoint announces.</summary>
    public TimeSpan AnnouncedTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public static async Task<DemoApi> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0"); // loopback only, ephemeral port
        var api = new DemoApi(builder.Build());
        api.Map();
        await api._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = api._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        api.BaseAddress = new Uri(addresses.Addresses.First());
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _requests);
            await next(context).ConfigureAwait(false);
        });
        _app.MapPost("/token", () =>
        {
            string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _issued[token] = 0;
            return Results.Json(new TokenResponse(token, (int)AnnouncedTokenLifetime.TotalSeconds), DemoJson.Default.TokenResponse);
        });
        _app.MapGet("/orders/{id:int}", (int id, HttpRequest request) => Authorized(request)
            ? Results.Json(new Order(id, "shipped", 12.5m * id), DemoJson.Default.Order)
            : Results.Unauthorized());
        _app.MapGet("/payments/{id:int}", (int id, HttpRequest request) => Authorized(request)
            ? Results.Json(new Payment(id, "settled"), DemoJson.Default.Payment)
            : Results.Unauthorized());
    }

    private bool Authorized(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 7 } value &&
        value.StartsWith("Bearer ", StringComparison.Ordinal) &&
        _issued.ContainsKey(value[7..]);
}
