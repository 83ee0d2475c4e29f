using System.Net;
using System.Text;
using FaultLab.Cli.Experiments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Fallback;

namespace FaultLab.Cli.Demo;

/// <summary>
/// Registers one client under test with the resilience it is meant to have, token handling, and the faults —
/// which FaultLab always places innermost, below all of it.
/// </summary>
internal static class ClientSetup
{
    /// <summary>The header a fallback response carries, so the run can count what the fallback served.</summary>
    public const string FallbackHeader = "X-FaultLab-Fallback";

    public static string Describe(ClientResilience resilience) => resilience switch
    {
        ClientResilience.None => "no resilience",
        ClientResilience.Standard => "standard handler",
        _ => "standard + fallback + token refresh",
    };

    public static IHttpClientBuilder Add(IServiceCollection services, string name, Uri baseAddress, ClientResilience resilience,
        TokenSource? tokens, Action<FaultInjectionBuilder> faults)
    {
        var builder = services.AddHttpClient(name, c =>
        {
            c.BaseAddress = baseAddress;
            c.Timeout = TimeSpan.FromSeconds(30);
        });
        if (tokens is not null)
        {
            bool refresh = resilience == ClientResilience.StandardWithFallback;
            builder.AddHttpMessageHandler(() => new BearerTokenHandler(tokens, refresh));
        }

        if (resilience == ClientResilience.StandardWithFallback)
        {
            builder.AddResilienceHandler("fallback", pipeline => pipeline.AddFallback(new FallbackStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Exception is not null || (args.Outcome.Result is { } r && ((int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests))),
                FallbackAction = _ => Outcome.FromResultAsValueTask(CachedResponse()),
            }));
        }

        if (resilience != ClientResilience.None)
        {
            builder.AddStandardResilienceHandler();
        }

        builder.AddFaultInjection(faults);
        return builder;
    }

    // What a real app would serve from its cache: last known data, marked so the run can tell.
    private static HttpResponseMessage CachedResponse()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"id":0,"status":"unknown (cached)","total":0}""", Encoding.UTF8, "application/json"),
        };
        response.Headers.Add(FallbackHeader, "cache");
        return response;
    }
}
