using System.Net;
using System.Text;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Fallback;

namespace FaultLab.Tests.Verdicts;

/// <summary>The client set-ups the matrix tests judge, registered as an application would register them.</summary>
internal static class MatrixClients
{
    public const string Name = "orders";

    public static readonly Uri BaseAddress = new("https://orders.example.test");

    public static ResilienceMatrix Matrix(Action<IHttpClientBuilder> resilience) =>
        ResilienceMatrix.ForHttpClient(Name, services => resilience(services.AddHttpClient(Name, c => c.BaseAddress = BaseAddress)),
            (http, ct) => http.GetAsync("/orders/1", ct))
        .WithUnsafeCall((http, ct) => http.PostAsync("/orders", new StringContent("""{"sku":"A-100"}""", Encoding.UTF8, "application/json"), ct));

    public static ResilienceMatrix Bare() => Matrix(_ => { });

    public static ResilienceMatrix Standard() => Matrix(c => c.AddStandardResilienceHandler());

    /// <summary>The standard handler with a fallback to cached data outermost.</summary>
    public static ResilienceMatrix StandardWithFallback() => Matrix(c =>
    {
        c.AddResilienceHandler("fallback", p => p.AddFallback(new FallbackStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null || (int?)args.Outcome.Result?.StatusCode >= 500),
            FallbackAction = _ => Outcome.FromResultAsValueTask(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"id":1,"status":"unknown (cached)"}""", Encoding.UTF8, "application/json"),
            }),
        }));
        c.AddStandardResilienceHandler();
    });
}
