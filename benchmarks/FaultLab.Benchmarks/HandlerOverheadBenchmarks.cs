using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Outcomes;

namespace FaultLab.Benchmarks;

/// <summary>
/// Issue 6, part 1: what FaultLab adds to one request through an IHttpClientFactory client over an in-memory primary
/// handler. Targets: idle (faults configured, none can fire) within 5 % of bare and no extra allocation; firing no
/// dearer than the same fault written with Polly's chaos strategies.
/// </summary>
[MemoryDiagnoser]
public class HandlerOverheadBenchmarks
{
    private static readonly Uri Target = new("http://api.test/items/42");

    private ServiceProvider _services = null!;
    private HttpClient _bare = null!;
    private HttpClient _idleOtherHost = null!;
    private HttpClient _idleRateZero = null!;
    private HttpClient _firingEmptyBody = null!;
    private HttpClient _firingProblemBody = null!;
    private HttpClient _pollyIdle = null!;
    private HttpClient _pollyFiring = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        Client(services, "bare");
        Client(services, "idle-other-host").AddFaultInjection(f => f.AddStatus(s =>
        {
            s.StatusCode = 503;
            s.Target = new FaultTarget { Hosts = { "other.test" } };
        }));
        Client(services, "idle-rate-zero").AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0));

        // The like-for-like comparison with Polly: a bare 503. FaultLab's default also writes a problem+json body.
        Client(services, "firing-empty").AddFaultInjection(f => f.AddStatus(s => s.BodyStyle = ErrorBodyStyle.Empty));
        Client(services, "firing-problem").AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable));
        Client(services, "polly-idle").AddResilienceHandler("chaos", b => b.AddChaosOutcome(PollyOutcome(0)));
        Client(services, "polly-firing").AddResilienceHandler("chaos", b => b.AddChaosOutcome(PollyOutcome(1)));

        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        _bare = factory.CreateClient("bare");
        _idleOtherHost = factory.CreateClient("idle-other-host");
        _idleRateZero = factory.CreateClient("idle-rate-zero");
        _firingEmptyBody = factory.CreateClient("firing-empty");
        _firingProblemBody = factory.CreateClient("firing-problem");
        _pollyIdle = factory.CreateClient("polly-idle");
        _pollyFiring = factory.CreateClient("polly-firing");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "Bare HttpClient")]
    public Task<HttpStatusCode> Bare() => Send(_bare);

    [Benchmark(Description = "FaultLab idle: other host")]
    public Task<HttpStatusCode> IdleOtherHost() => Send(_idleOtherHost);

    [Benchmark(Description = "FaultLab idle: rate 0")]
    public Task<HttpStatusCode> IdleRateZero() => Send(_idleRateZero);

    [Benchmark(Description = "FaultLab firing: 503, empty body")]
    public Task<HttpStatusCode> FiringEmptyBody() => Send(_firingEmptyBody);

    [Benchmark(Description = "FaultLab firing: 503, problem+json")]
    public Task<HttpStatusCode> FiringProblemBody() => Send(_firingProblemBody);

    [Benchmark(Description = "Polly chaos idle: rate 0")]
    public Task<HttpStatusCode> PollyIdle() => Send(_pollyIdle);

    [Benchmark(Description = "Polly chaos firing: 503")]
    public Task<HttpStatusCode> PollyFiring() => Send(_pollyFiring);

    internal static IHttpClientBuilder Client(IServiceCollection services, string name) =>
        services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => new InMemoryHandler());

    internal static async Task<HttpStatusCode> Send(HttpClient client)
    {
        // Headers-read: the in-memory response has no body to buffer, and buffering would only add the same to every case.
        using var request = new HttpRequestMessage(HttpMethod.Get, Target);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        return response.StatusCode;
    }

    // What a team would write by hand with Polly's chaos strategy: a bare 503 on a share of requests.
    private static ChaosOutcomeStrategyOptions<HttpResponseMessage> PollyOutcome(double rate) => new()
    {
        InjectionRate = rate,
        OutcomeGenerator = static _ => new ValueTask<Outcome<HttpResponseMessage>?>(
            Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))),
    };
}
