using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaultLab.Tests.Recipes;

/// <summary>
/// A tiny application for recipe 10, written as an application would be, with no test hooks: <c>GET /today</c> asks
/// a forecast service and a geo service, each through its own client with the standard resilience handler, and answers
/// 200 either way, marked <c>degraded</c> when the forecast could not be had.
/// </summary>
public sealed class ForecastApp
{
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddRouting();
        services.AddHttpClient<ForecastClient>(c => c.BaseAddress = new Uri("https://forecast.example.test")).AddStandardResilienceHandler();
        services.AddHttpClient("geo", c => c.BaseAddress = new Uri("https://geo.example.test")).AddStandardResilienceHandler();
    }

    public static void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/today", async (ForecastClient forecast, IHttpClientFactory clients, CancellationToken cancellationToken) =>
        {
            string city = await TryGetAsync(clients.CreateClient("geo"), "/city", cancellationToken) ?? "unknown";
            string? summary = await forecast.TryGetSummaryAsync(cancellationToken);
            return Results.Ok(new Today(city, summary ?? "unavailable", Degraded: summary is null));
        });

    private static async Task<string?> TryGetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetStringAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.ExecutionRejectedException)
        {
            return null; // the page still renders without this part
        }
    }

    public sealed record Today(string City, string Summary, bool Degraded);

    public sealed class ForecastClient(HttpClient client)
    {
        public Task<string?> TryGetSummaryAsync(CancellationToken cancellationToken) => TryGetAsync(client, "/summary", cancellationToken);
    }
}

/// <summary>Hosts <see cref="ForecastApp"/> in memory. The app has no entry point of its own here, so the factory builds
/// the host; the content-root variable stops the factory from looking for the app's project folder beside a solution.</summary>
public sealed class ForecastAppFactory : WebApplicationFactory<ForecastApp>
{
    static ForecastAppFactory() => Environment.SetEnvironmentVariable(
        "ASPNETCORE_TEST_CONTENTROOT_" + typeof(ForecastApp).Assembly.GetName().Name!.ToUpperInvariant().Replace('.', '_'),
        AppContext.BaseDirectory);

    // Not Production: FaultLab refuses to inject there (and a host built by hand defaults to Production).
    protected override IHostBuilder CreateHostBuilder() => Host.CreateDefaultBuilder()
        .UseEnvironment("Testing")
        .ConfigureLogging(logging => logging.ClearProviders())
        .ConfigureWebHostDefaults(web => web
            .ConfigureServices(ForecastApp.ConfigureServices)
            .Configure(app =>
            {
                app.UseRouting();
                app.UseEndpoints(ForecastApp.MapEndpoints);
            }));
}
