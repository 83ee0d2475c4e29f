using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FaultLab.Proxy.Tests;

/// <summary>Every kind of the catalogue, as its example, reaches a client of the proxy as a real network event: the
/// proxy realizes outcomes by their shape (a response, a connection ended, a body cut), not kind by kind.</summary>
public sealed class CatalogRealizationTests
{
    public static TheoryData<string> Kinds() => [.. FaultCatalog.Kinds.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_kind_is_injected_and_reaches_the_client_as_an_outcome_not_a_gateway_error(string kind)
    {
        var logs = new CapturingLogs();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var profile = new FaultInjectionOptions { Faults = { FaultCatalog.Find(kind)!.CreateExample() } };
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Profile = profile,
            HangLimit = TimeSpan.FromMilliseconds(300),
            LoggerFactory = loggerFactory,
        });
        using var client = ProxyFixture.RawClient();

        // A stateful kind may let the first requests through (a limiter's permits): at most three requests.
        var outcomes = new List<string>();
        for (int i = 0; i < 3 && logs.Injected(kind) == 0; i++)
        {
            outcomes.Add(await OutcomeAsync(client, new Uri(proxy.Address, "big")));
        }

        // At least once: a client's SocketsHttpHandler itself re-sends a request whose connection closed before any byte.
        Assert.InRange(logs.Injected(kind), 1, 4);
        Assert.DoesNotContain("502 (empty)", outcomes); // YARP's own answer to a failure it could not realize
    }

    private static async Task<string> OutcomeAsync(HttpClient client, Uri uri)
    {
        try
        {
            using var response = await client.GetAsync(uri);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            return $"{(int)response.StatusCode} ({(body.Length == 0 ? "empty" : $"{body.Length} bytes")})";
        }
        catch (HttpRequestException ex)
        {
            return $"{ex.GetType().Name} {ex.HttpRequestError}";
        }
        catch (TaskCanceledException ex)
        {
            return ex.GetType().Name;
        }
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public int Injected(string kind) => _lines.Count(l => l.StartsWith($"FaultLab injected {kind} fault", StringComparison.Ordinal));

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
