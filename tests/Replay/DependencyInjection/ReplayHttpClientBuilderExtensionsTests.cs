using System.Net;
using FaultLab.Replay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Replay.Tests.DependencyInjection;

public sealed class ReplayHttpClientBuilderExtensionsTests : LoopbackTest
{
    private string CassettePath => Files.File("orders.json");

    [Fact]
    public async Task A_recording_made_through_the_client_factory_replays_through_it_without_the_network()
    {
        await using (var recording = Provider(b => b.AddRecording(CassettePath)))
        {
            var client = recording.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
            Assert.Contains("\"id\":\"1\"", await client.GetStringAsync("orders/1"));
        }

        await Dependency.StopAsync();
        await using var replay = Provider(b => b.AddReplay(CassettePath, RecordMode.ReplayOnly));
        var replayed = replay.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        Assert.Contains("\"id\":\"1\"", await replayed.GetStringAsync("orders/1"));
        Assert.Equal(1, Dependency.Hits);
    }

    [Fact]
    public async Task Injected_faults_and_resilience_apply_to_replayed_traffic()
    {
        await RecordOrdersAsync(count: 20);
        await Dependency.StopAsync();

        var attempts = new CountingHandler();
        await using var replay = Provider(b =>
        {
            b.AddReplay(CassettePath, RecordMode.ReplayOnly);
            b.AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable, 0.3).WithSeed(42));
            b.AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.Zero;
                o.Retry.MaxRetryAttempts = 6;
                o.CircuitBreaker.FailureRatio = 0.9;
            });
            // Added after the resilience handler, so it sits inside it and counts every attempt.
            b.AddHttpMessageHandler(() => attempts);
        });
        var client = replay.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        for (int i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync($"orders/{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"\"id\":\"{i}\"", await response.Content.ReadAsStringAsync());
        }

        // Every call succeeded, yet some attempts were answered by the injected 503 and retried.
        Assert.True(attempts.Count > 20, $"expected retries after injected 503s, saw {attempts.Count} attempts");
        Assert.Contains(HttpStatusCode.ServiceUnavailable, attempts.Statuses);
        Assert.Equal(20, Dependency.Hits);
    }

    [Fact]
    public async Task The_cassette_wraps_a_primary_handler_configured_after_it()
    {
        var network = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        await using (var recording = Provider(b => b.AddRecording(CassettePath).ConfigurePrimaryHttpMessageHandler(() => network)))
        {
            await recording.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetStringAsync("hello");
        }

        Assert.Equal(1, network.Count);
        Assert.True(File.Exists(CassettePath));
    }

    [Fact]
    public async Task The_plain_handler_can_be_given_as_the_primary_handler_with_faults_above_it()
    {
        await RecordOrdersAsync(count: 1);
        await Dependency.StopAsync();
        var cassette = new Cassette(CassettePath);

        await using var replay = Provider(b => b
            .ConfigurePrimaryHttpMessageHandler(() => ReplayHandler.Create(cassette, RecordMode.ReplayOnly))
            .AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable, 1.0)));
        var client = replay.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using var response = await client.GetAsync("orders/0");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Recorded_latency_is_replayed_on_the_container_clock()
    {
        File.WriteAllText(CassettePath, $$"""
            { "version": 1, "interactions": [ {
              "request": { "method": "GET", "uri": "{{Dependency.BaseAddress}}hello" },
              "response": { "status": 200, "body": { "encoding": "utf-8", "text": "slow hello" } },
              "durationMs": 800 } ] }
            """);
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddHttpClient("orders", c => c.BaseAddress = Dependency.BaseAddress)
            .AddReplay(CassettePath, RecordMode.ReplayOnly, o => o.ReplayLatency = true);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        var pending = client.GetStringAsync("hello");
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(799));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        // A real-time guard only, so a broken clock fails the test instead of hanging it.
        Assert.Equal("slow hello", await pending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, Dependency.Hits);
    }

    [Fact]
    public async Task Client_defaults_put_every_client_on_the_cassette()
    {
        await using (var recording = DefaultsProvider())
        {
            var factory = recording.GetRequiredService<IHttpClientFactory>();
            await factory.CreateClient("a").GetStringAsync("hello");
            await factory.CreateClient("b").GetStringAsync("orders/3");
        }

        await Dependency.StopAsync();
        await using var replay = DefaultsProvider();
        var replayFactory = replay.GetRequiredService<IHttpClientFactory>();
        Assert.Equal("hello, world", await replayFactory.CreateClient("b").GetStringAsync("hello"));
        Assert.Contains("\"id\":\"3\"", await replayFactory.CreateClient("a").GetStringAsync("orders/3"));
        Assert.Equal(2, Dependency.Hits);
    }

    private ServiceProvider DefaultsProvider()
    {
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(b => b.AddReplay(CassettePath, RecordMode.Once));
        services.AddHttpClient("a", c => c.BaseAddress = Dependency.BaseAddress);
        services.AddHttpClient("b", c => c.BaseAddress = Dependency.BaseAddress);
        return services.BuildServiceProvider();
    }

    private async Task RecordOrdersAsync(int count)
    {
        await using var recording = Provider(b => b.AddRecording(CassettePath));
        var client = recording.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        for (int i = 0; i < count; i++)
        {
            await client.GetStringAsync($"orders/{i}");
        }
    }

    private ServiceProvider Provider(Action<IHttpClientBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddHttpClient("orders", c => c.BaseAddress = Dependency.BaseAddress));
        return services.BuildServiceProvider();
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public List<HttpStatusCode> Statuses { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            var response = await base.SendAsync(request, cancellationToken);
            lock (Statuses)
            {
                Statuses.Add(response.StatusCode);
            }

            return response;
        }
    }
}
