using System.Net;
using FaultLab.Replay.Derivation;
using FaultLab.Replay.Tests.Support;
using Xunit.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Replay.Tests.Derivation;

/// <summary>
/// The proof of <c>profile derive</c>: derive from a capture with a known mix, run the derived profile over 10,000
/// requests in process on a fake clock (waits end at once, the clock moves on by them), and compare what callers see with the source, within 4 standard deviations.
/// </summary>
public sealed class DerivedProfileRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_profile_derived_from_a_HAR_reproduces_its_error_mix_and_latency_within_4_sigma_over_10000_requests()
    {
        using var directory = new TempDirectory();
        var capture = SyntheticCapture.Create();
        string har = directory.File("capture.har");
        await File.WriteAllTextAsync(har, capture.ToHar());

        var derived = ProfileDerivation.FromFile(har, new DeriveOptions { Seed = 7 });

        // Ids fold into one endpoint; /orders/* would also match /orders/summary and give it both endpoints' faults,
        // so the four-digit ids fold into /orders/???? instead.
        Assert.Equal(["api.shop.test /orders/????", "api.shop.test /orders/summary", "payments.test /charge"],
            derived.Endpoints.Select(e => $"{e.Host} {e.Path}"));
        string profile = directory.File("profile.json");
        await File.WriteAllTextAsync(profile, derived.ToJsonString());

        var observed = await RunAsync(profile, capture);

        Assert.Equal(10_000, observed.Count);
        foreach (var endpoint in capture.Calls.GroupBy(c => c.Host + Fold(c.Path)))
        {
            var source = endpoint.GroupBy(c => Outcome(c.Outcome)).ToDictionary(g => g.Key, g => g.Count());
            var seen = observed.Where(o => o.Endpoint == endpoint.Key).ToList();
            Assert.Equal(endpoint.Count(), seen.Count);
            foreach (var (outcome, count) in source)
            {
                double n = seen.Count, p = count / n;
                double sigma = Math.Sqrt(n * p * (1 - p));
                int got = seen.Count(o => o.Outcome == outcome);
                output.WriteLine($"{endpoint.Key} {outcome}: source {count}, derived run {got}, 4σ {4 * sigma:F1}");
                Assert.True(Math.Abs(got - count) <= 4 * sigma,
                    $"{endpoint.Key} {outcome}: source {count} of {n}, derived run {got} (4σ = {4 * sigma:F1})");
            }

            Assert.Empty(seen.Select(o => o.Outcome).Except(source.Keys)); // no outcome the source never had

            // Latency: the share of delays below the source's p50 and p99 is 50 % and 99 %, within 4σ of a binomial.
            var sourceDurations = endpoint.Select(c => TimeSpan.FromMilliseconds(c.DurationMs)).Order().ToList();
            foreach (double q in new[] { 0.50, 0.99 })
            {
                var quantile = sourceDurations[(int)Math.Ceiling(q * sourceDurations.Count) - 1];
                double below = seen.Count(o => o.Delay < quantile) / (double)seen.Count;
                output.WriteLine($"{endpoint.Key} p{q * 100:F0} {quantile.TotalMilliseconds} ms: {below:P2} of derived delays below");
                double sigma = Math.Sqrt(q * (1 - q) / seen.Count);
                Assert.True(Math.Abs(below - q) <= 4 * sigma + (1.0 / seen.Count),
                    $"{endpoint.Key}: {below:P2} of delays under the source p{q * 100:F0} ({quantile.TotalMilliseconds} ms); 4σ = {4 * sigma:P2}");
            }
        }
    }

    [Fact]
    public async Task The_same_seed_replays_the_same_outcomes()
    {
        using var directory = new TempDirectory();
        var capture = SyntheticCapture.Create();
        string har = directory.File("capture.har");
        await File.WriteAllTextAsync(har, capture.ToHar());
        string profile = directory.File("profile.json");
        await File.WriteAllTextAsync(profile, ProfileDerivation.FromFile(har, new DeriveOptions { Seed = 11 }).ToJsonString());
        var first = capture.Calls.Take(500).ToList();
        var subset = new SyntheticCapture();
        subset.Calls.AddRange(first);

        var once = await RunAsync(profile, subset);
        var again = await RunAsync(profile, subset);

        Assert.Equal(once, again);
        Assert.Contains(once, o => o.Outcome != "200");
    }

    /// <summary>Sends one request per source call (same host and path, same order) through the profile bound from JSON.</summary>
    private static async Task<List<(string Endpoint, string Outcome, TimeSpan Delay)>> RunAsync(string profilePath, SyntheticCapture capture)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(profilePath).Build();
        var services = new ServiceCollection();
        var clock = new SkipAheadClock();
        services.AddSingleton<TimeProvider>(clock);
        services.AddHttpClient("derived")
            .ConfigurePrimaryHttpMessageHandler(() => new AlwaysOk())
            .AddFaultInjection(configuration.GetSection("FaultLab"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("derived");
        var results = new List<(string, string, TimeSpan)>(capture.Calls.Count);
        foreach (var call in capture.Calls)
        {
            var started = clock.GetUtcNow();
            string outcome = await Send(client, $"https://{call.Host}{call.Path}");
            results.Add((call.Host + Fold(call.Path), outcome, clock.GetUtcNow() - started));
        }

        return results;
    }

    private static async Task<string> Send(HttpClient client, string url)
    {
        var sending = client.GetAsync(url);
        try
        {
            using var response = await sending;
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return "DnsFailure";
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return "ConnectionRefused";
        }
    }

    private static string Outcome(string source) => source switch
    {
        "net::ERR_CONNECTION_REFUSED" => "ConnectionRefused",
        "net::ERR_NAME_NOT_RESOLVED" => "DnsFailure",
        _ => source,
    };

    private static string Fold(string path) => path == "/orders/summary" ? path : path.StartsWith("/orders/", StringComparison.Ordinal) ? "/orders/????" : path;

    private sealed class AlwaysOk : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{}") });
    }
}
