using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaultLab.Proxy.Tests;

/// <summary>What the proxy's start and dispose wire up and release: its logs, its port, its controller, its upstream connections.</summary>
public sealed class ProxyLifetimeTests
{
    [Fact]
    public async Task The_options_logger_factory_gets_the_injected_fault_and_the_hosts_own_logs_but_no_console_lifetime()
    {
        await using var upstream = await Upstream.StartAsync();
        using var log = new CategoryLog();
        using var factory = log.Factory();
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Profile = ProxyFixture.Profile("""{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 503, "Name": "orders-down" } ] } }"""),
            ClientName = "orders-proxy",
            LoggerFactory = factory,
        });
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "api/orders"));

        Assert.Equal(503, (int)response.StatusCode);
        var injected = Assert.Single(log.Lines, l => l.Category == "FaultLab" && l.EventId == 1);
        Assert.Equal(LogLevel.Information, injected.Level);
        Assert.Equal($"FaultLab injected Status fault 'orders-down' into GET {upstream.Address}api/orders (client 'orders-proxy', outcome 503)",
            injected.Message);
        // The web host logs through the same factory: ASP.NET Core's request log, YARP's forwarding ...
        Assert.Contains(log.Lines, l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics"
            && l.Message == $"Request starting HTTP/1.1 GET {proxy.Address}api/orders - - -");
        Assert.Contains(log.Lines, l => l.Category == "Yarp.ReverseProxy.Forwarder.HttpForwarder"
            && l.Message.StartsWith($"Proxying to {upstream.Address}api/orders ", StringComparison.Ordinal));
        // ... but never as a console application: no "Press Ctrl+C to shut down", the proxy's owner stops it.
        Assert.DoesNotContain(log.Lines, l => l.Message.Contains("Ctrl+C", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disposing_stops_listening_and_forgets_the_address_and_a_second_dispose_is_harmless()
    {
        await using var upstream = await Upstream.StartAsync();
        var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [ ] } }""");
        int port = proxy.Address.Port;
        Assert.Equal($"http://127.0.0.1:{port}/", proxy.Address.AbsoluteUri);

        await proxy.DisposeAsync();

        var error = Assert.Throws<InvalidOperationException>(() => proxy.Address);
        Assert.Equal("The proxy is not started.", error.Message);
        Assert.Equal(SocketError.ConnectionRefused, await ConnectErrorAsync(port));
        await proxy.DisposeAsync();
        Assert.Throws<InvalidOperationException>(() => proxy.Address);
    }

    [Fact]
    public async Task Stopping_stops_listening_and_a_dispose_afterwards_is_harmless()
    {
        await using var upstream = await Upstream.StartAsync();
        var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [ ] } }""");
        int port = proxy.Address.Port;
        Assert.Equal(SocketError.Success, await ConnectErrorAsync(port));

        await proxy.StopAsync();

        Assert.Equal(SocketError.ConnectionRefused, await ConnectErrorAsync(port));
        await proxy.DisposeAsync();
        Assert.Throws<InvalidOperationException>(() => proxy.Address);
    }

    [Fact]
    public async Task Disposing_closes_the_control_api_too()
    {
        await using var upstream = await Upstream.StartAsync();
        var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Profile = ProxyFixture.Profile("""{ "FaultLab": { "Faults": [ ] } }"""),
            ControlPort = 0,
        });
        int controlPort = proxy.ControlAddress!.Port;
        Assert.Equal(SocketError.Success, await ConnectErrorAsync(controlPort));

        await proxy.DisposeAsync();

        Assert.Null(proxy.ControlAddress);
        Assert.Equal(SocketError.ConnectionRefused, await ConnectErrorAsync(controlPort));
    }

    [Fact]
    public async Task Disposing_disposes_the_controller_which_stops_counting()
    {
        await using var upstream = await Upstream.StartAsync();
        string client = "counted-" + Guid.NewGuid().ToString("N");
        const string profile = """{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 503, "Name": "orders-down" } ] } }""";
        var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Profile = ProxyFixture.Profile(profile),
            ClientName = client,
        });
        using (var http = ProxyFixture.RawClient())
        {
            using var response = await http.GetAsync(new Uri(proxy.Address, "api/orders"));
            Assert.Equal(503, (int)response.StatusCode);
        }

        Assert.Equal(1, proxy.Controller.GetCounters().Injected["orders-down"]);
        await proxy.DisposeAsync();

        // The same client's fault, injected in-process after the dispose: a controller still listening would count it.
        using var invoker = new HttpMessageInvoker(FaultInjection.CreateHandler(new LiveFaultProfile(ProxyFixture.Profile(profile)), clientName: client));
        using var injected = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(upstream.Address, "api/orders")), CancellationToken.None);
        Assert.Equal(503, (int)injected.StatusCode);
        Assert.Equal(1, proxy.Controller.GetCounters().Injected["orders-down"]);
    }

    [Fact]
    public async Task Disposing_closes_the_pooled_upstream_connections()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await ConnectionWatchingUpstream.StartAsync(closed);
        var proxy = await FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.Address });
        using (var client = ProxyFixture.RawClient())
        {
            using var response = await client.GetAsync(new Uri(proxy.Address, "api/orders"));
            Assert.Equal(200, (int)response.StatusCode);
        }

        Assert.False(closed.Task.IsCompleted); // kept alive in the proxy's pool for the next request

        await proxy.DisposeAsync();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10)); // and closed by the dispose, not left to an idle timeout
    }

    [Fact]
    public async Task Disposing_releases_the_web_host_whose_meters_complete()
    {
        // Kestrel's connection gauge carries the port it serves: that tells the proxy's meter from any other server's.
        int port = 0;
        var ours = new TaskCompletionSource<Instrument>(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Microsoft.AspNetCore.Server.Kestrel" && instrument.Name == "kestrel.active_connections")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
            MeasurementsCompleted = (instrument, _) =>
            {
                if (ours.Task.IsCompletedSuccessfully && ReferenceEquals(ours.Task.Result, instrument))
                {
                    completed.TrySetResult();
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && Equals(tag.Value, Volatile.Read(ref port)))
                {
                    ours.TrySetResult(instrument);
                }
            }
        });
        meters.Start();
        await using var upstream = await Upstream.StartAsync();
        var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [ ] } }""");
        Volatile.Write(ref port, proxy.Address.Port);
        using (var client = ProxyFixture.RawClient())
        {
            using var response = await client.GetAsync(new Uri(proxy.Address, "api/orders"));
            Assert.Equal(201, (int)response.StatusCode);
        }

        await ours.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(completed.Task.IsCompleted);

        await proxy.DisposeAsync();

        await completed.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the host's services (its meter factory among them) are disposed
    }

    [Fact]
    public async Task A_start_that_fails_after_listening_leaves_nothing_listening()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var occupant = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [ ] } }""");
        int port = FreePort();

        // The proxy's own port binds; the control API's port is taken, so the start fails after the proxy listened.
        await Assert.ThrowsAsync<IOException>(() => FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Port = port,
            ControlPort = occupant.Address.Port,
        }));

        Assert.Equal(SocketError.ConnectionRefused, await ConnectErrorAsync(port));
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static async Task<SocketError> ConnectErrorAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return SocketError.Success;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode;
        }
    }

    /// <summary>Keeps every log line with its category and event id.</summary>
    private sealed class CategoryLog : ILoggerProvider
    {
        private readonly List<(string Category, LogLevel Level, int EventId, string Message)> _lines = [];

        public IReadOnlyList<(string Category, LogLevel Level, int EventId, string Message)> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILoggerFactory Factory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CategoryLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (log._lines)
                {
                    log._lines.Add((category, logLevel, eventId.Id, formatter(state, exception)));
                }
            }
        }
    }

    /// <summary>An upstream that answers 200 and reports when its (one) connection from the proxy closes.</summary>
    private sealed class ConnectionWatchingUpstream : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ConnectionWatchingUpstream(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ConnectionWatchingUpstream> StartAsync(TaskCompletionSource closed)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                try
                {
                    await next(connection);
                }
                finally
                {
                    closed.TrySetResult();
                }
            })));
            var app = builder.Build();
            app.Run(context => context.Response.WriteAsync("ok"));
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new ConnectionWatchingUpstream(app, new Uri(address + "/"));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
