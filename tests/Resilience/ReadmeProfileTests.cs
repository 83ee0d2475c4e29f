using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using FaultLab.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaultLab.Tests;

/// <summary>
/// README's JSON profile, bound exactly as README shows it (extracted from README.md, not copied), driven through the
/// standard resilience handler against a real Kestrel server on 127.0.0.1: pasted as is, most calls succeed.
/// </summary>
public sealed class ReadmeProfileTests
{
    [Fact]
    public async Task The_README_profile_works_as_pasted_with_the_standard_handler()
    {
        await using var server = await OrdersServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(ReadmeProfile()))).Build();
        var clock = Clock.New();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        // The profile targets host orders.example: keep that name on the wire (Host header, targeting, rate-limit
        // partition) while every connection goes to the local server, so no name is ever resolved.
        services.AddHttpClient("orders", c => c.BaseAddress = new Uri($"http://orders.example:{server.Port}/"))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectCallback = server.ConnectAsync })
            .AddStandardResilienceHandler();
        services.AddHttpClient("orders").AddFaultInjection(configuration.GetSection("FaultLab"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        // 80 calls, at most 20 a second of fake time: the rate the profile's token bucket says it allows.
        int ok = 0;
        var injected = new List<InjectedFault>();
        for (int i = 0; i < 80; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{i}");
            using var response = await clock.Drive(client.SendAsync(request), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(2));
            ok += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            injected.AddRange(InjectedFault.For(request));
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.True(ok >= 76, $"{ok} of 80 calls succeeded; injected: {string.Join(", ", injected.Select(f => f.Kind + " " + f.StatusCode))}");
        Assert.DoesNotContain(injected, f => f.Kind == "ExpiredToken"); // callers that send no token are not refused
        Assert.DoesNotContain(injected, f => f.Kind == "RateLimit");    // 20 per 1 s means 20 a second
        Assert.Contains(injected, f => f.Kind == "Status");             // the host/path/method target matched, retried away
        Assert.Contains(injected, f => f.Kind == "Latency");
        Assert.All(server.Hosts, h => Assert.Equal($"orders.example:{server.Port}", h));
    }

    [Fact]
    public async Task The_token_bucket_refills_its_whole_limit_each_window_unless_told_otherwise()
    {
        var clock = Clock.New();
        var upstream = new Upstream();
        using var handler = FaultInjection.CreateHandler(
            f => f.AddFault(new RateLimitFault { Algorithm = RateLimitAlgorithm.TokenBucket, PermitLimit = 20, Window = TimeSpan.FromSeconds(1) }),
            upstream, clock);
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://orders.test") };

        async Task<int> Burst()
        {
            int passed = 0;
            for (int i = 0; i < 25; i++)
            {
                using var response = await client.GetAsync("/");
                passed += response.IsSuccessStatusCode ? 1 : 0;
            }

            return passed;
        }

        Assert.Equal(20, await Burst());   // a full bucket
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(20, await Burst());   // one window later, full again: 20 per second sustained
        Assert.Null(new RateLimitFault().TokensPerPeriod);
    }

    private static string ReadmeProfile()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var match = Regex.Match(readme, @"^## JSON profiles\s+```json\r?\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline);
        Assert.True(match.Success, "README has no ```json block right under '## JSON profiles'");
        return match.Groups[1].Value;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FaultLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A real Kestrel server on 127.0.0.1 (ephemeral port) answering <c>GET /api/orders/{id}</c>.</summary>
    private sealed class OrdersServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<string> _hosts = [];

        private OrdersServer(WebApplication app) => _app = app;

        public int Port { get; private set; }

        public IReadOnlyList<string> Hosts
        {
            get
            {
                lock (_hosts)
                {
                    return [.. _hosts];
                }
            }
        }

        public static async Task<OrdersServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new OrdersServer(app);
            app.MapGet("/api/orders/{id}", (string id, HttpRequest request) =>
            {
                lock (server._hosts)
                {
                    server._hosts.Add(request.Host.Value ?? string.Empty);
                }

                return Results.Json(new { id, status = "shipped" });
            });
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            server.Port = new Uri(address).Port;
            return server;
        }

        public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
