using System.Net;
using System.Text;
using FaultLab.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace FaultLab.Tests;

public sealed class ConfigurationTests
{
    private const string Profile = """
    {
      "FaultLab": {
        "Enabled": true,
        "Seed": 7,
        "Faults": [
          { "Kind": "Latency", "InjectionRate": 0, "P50": "00:00:00.050", "P99": "00:00:01" },
          { "Kind": "Status", "StatusCode": 503, "RetryAfter": "00:00:02", "Target": { "Paths": [ "/orders/**" ] } },
          { "Kind": "RateLimit", "Algorithm": "TokenBucket", "PermitLimit": 5, "Window": "00:00:01", "PartitionBy": "Host" }
        ]
      }
    }
    """;

    [Fact]
    public async Task A_JSON_profile_binds_every_fault_kind_with_its_settings()
    {
        var (provider, _, upstream) = Build(Profile);
        using var _p = provider;
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        using var orders = await client.GetAsync("/orders/1");
        using var other = await client.GetAsync("/payments/1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, orders.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), orders.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var options = provider.GetRequiredService<IOptionsMonitor<FaultInjectionOptions>>().Get("api");
        Assert.Equal(7, options.Seed);
        Assert.Collection(options.Faults,
            f => Assert.Equal(TimeSpan.FromMilliseconds(50), Assert.IsType<LatencyFault>(f).P50),
            f => Assert.Equal(503, Assert.IsType<StatusFault>(f).StatusCode),
            f => Assert.Equal(RateLimitPartition.Host, Assert.IsType<RateLimitFault>(f).PartitionBy));
        Assert.Equal(1, upstream.Calls);
    }

    [Theory]
    [InlineData("""{ "Kind": "Status", "InjectionRate": 1.2 }""", "FaultLab:Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 1.2).")]
    [InlineData("""{ "Kind": "Teleport" }""", "FaultLab:Faults:0:Kind: unknown fault kind 'Teleport'")]
    [InlineData("""{ "InjectionRate": 0.5 }""", "FaultLab:Faults:0:Kind: missing")]
    [InlineData("""{ "Kind": "Status", "StatusCode": 200 }""", "FaultLab:Faults:0:StatusCode: must be an error status from 400 to 599 (was 200).")]
    [InlineData("""{ "Kind": "Latency" }""", "FaultLab:Faults:0:Delay: a latency fault needs a delay")]
    [InlineData("""{ "Kind": "Latency", "Delay": "soon" }""", "FaultLab:Faults:0:Delay: 'soon' is not a TimeSpan: write [d.]hh:mm:ss[.fffffff], for example 00:00:05")]
    [InlineData("""{ "Kind": "Status", "StatusCod": 503 }""", "FaultLab:Faults:0:StatusCod: unknown setting; known: ")]
    [InlineData("""{ "Kind": "RateLimit", "PermitLimit": 0, "Window": "00:00:01" }""", "FaultLab:Faults:0:PermitLimit: must be positive (was 0).")]
    [InlineData("""{ "Kind": "Status", "Schedule": { "Up": "00:00:01" } }""", "FaultLab:Faults:0:Schedule:Down: flapping needs a positive Down period")]
    public async Task An_invalid_profile_fails_at_startup_naming_the_setting(string fault, string expected)
    {
        string json = $$"""{ "FaultLab": { "Faults": [ {{fault}} ] } }""";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddHttpClient("api").AddFaultInjection(builder.Configuration.GetSection("FaultLab"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_profile_built_in_code_fails_at_startup_naming_its_settings_as_the_configuration_form_does()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHttpClient("api").AddFaultInjection(f => f
            .AddDnsFailure()
            .AddStatus(HttpStatusCode.OK, injectionRate: 1.5)
            .AddOutage(TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1)));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
        [
            "Faults:1:InjectionRate: must be between 0 and 1 inclusive (was 1.5).",
            "Faults:1:StatusCode: must be an error status from 400 to 599 (was 200).",
            "Faults:2:Schedule:Start: must not be negative (was -00:00:01).",
        ], ex.Failures);
    }

    [Fact]
    public async Task Changing_the_rate_or_Enabled_takes_effect_without_a_restart()
    {
        var (provider, config, _) = Build("""{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 500 } ] } }""");
        using var _p = provider;
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        Assert.Equal(HttpStatusCode.InternalServerError, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);

        config["FaultLab:Faults:0:InjectionRate"] = "0";
        config.Reload();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);

        config["FaultLab:Faults:0:InjectionRate"] = "1";
        config["FaultLab:Enabled"] = "false";
        config.Reload();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);

        config["FaultLab:Enabled"] = "true";
        config.Reload();
        Assert.Equal(HttpStatusCode.InternalServerError, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);
    }

    [Fact]
    public async Task A_reload_with_errors_keeps_the_last_good_profile()
    {
        var (provider, config, _) = Build("""{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 500 } ] } }""");
        using var _p = provider;
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        await factory.CreateClient("api").GetAsync("/a");

        config["FaultLab:Faults:0:InjectionRate"] = "7";

        // The options monitor validates on reload and reports to whoever reloaded; the handler keeps its pipeline.
        var reload = Assert.Throws<AggregateException>(config.Reload);
        Assert.Contains("FaultLab:Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 7).", reload.InnerException!.Message);

        Assert.Equal(HttpStatusCode.InternalServerError, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);
    }

    [Fact]
    public async Task A_reload_with_errors_is_logged_naming_the_setting()
    {
        var logs = new FakeLogCollector();
        var (provider, config, _) = Build("""{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 500 } ] } }""",
            s => s.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs))));
        using var _p = provider;
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        await factory.CreateClient("api").GetAsync("/a");

        config["FaultLab:Faults:0:InjectionRate"] = "7";
        Assert.Throws<AggregateException>(config.Reload); // what the options monitor does to whoever reloaded; unchanged

        // A file watcher that reloads swallows that exception: the log is the only place the mistake shows.
        var error = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("FaultLab:Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 7).", error.Message);
        Assert.Equal("FaultLab profile for client 'api' reloaded with errors; keeping the previous one: " +
            "FaultLab:Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 7).", error.Message);
        Assert.Equal("FaultLab", error.Category);
        Assert.Equal(HttpStatusCode.InternalServerError, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);

        config["FaultLab:Faults:0:InjectionRate"] = "0";
        config.Reload();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);
    }

    [Fact]
    public async Task A_reload_that_leaves_the_profile_unchanged_keeps_its_state()
    {
        // Any change to the configuration (a log level, another section) fires the profile's reload token; rebuilding
        // then would refill rate limits, forget token ages, restart schedules and replay seeded sequences from the top.
        var clock = Support.Clock.New();
        var (provider, config, upstream) = Build("""
            { "FaultLab": { "Faults": [
              { "Kind": "RateLimit", "PermitLimit": 1, "Window": "01:00:00" }
            ] }, "Logging": { "Level": "Information" } }
            """, s => s.AddSingleton<TimeProvider>(clock));
        using var _p = provider;
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(5));
        config["Logging:Level"] = "Debug";
        config.Reload();

        Assert.Equal(HttpStatusCode.TooManyRequests, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);
        config["FaultLab:Faults:0:PermitLimit"] = "100"; // a real change to the profile does rebuild it
        config.Reload();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient("api").GetAsync("/a")).StatusCode);
        Assert.Equal(2, upstream.Calls);
    }

    [Fact]
    public void A_client_takes_its_own_profile_else_the_all_clients_one_else_none()
    {
        var clients = new FaultLab.DependencyInjection.FaultInjectionClients();
        clients.Named.Add("orders");

        Assert.Equal("orders", clients.OptionsNameFor("orders"));
        Assert.Null(clients.OptionsNameFor("Orders")); // client names are ordinal
        Assert.Null(clients.OptionsNameFor("payments"));
        clients.AllClients = true;
        Assert.Equal("orders", clients.OptionsNameFor("orders"));
        Assert.Equal(FaultLab.DependencyInjection.FaultInjectionClients.AllClientsOptionsName, clients.OptionsNameFor("payments"));
    }

    private static (ServiceProvider Provider, IConfigurationRoot Config, Upstream Upstream) Build(string json, Action<IServiceCollection>? more = null)
    {
        var config = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        // The JSON provider does not take in-place writes into its reload; copy into a memory provider that does.
        var live = new ConfigurationBuilder().AddInMemoryCollection(config.AsEnumerable()).Build();
        var upstream = new Upstream();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Clock.New());
        services.AddHttpClient("api", c => c.BaseAddress = new Uri("http://orders.internal"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream)
            .AddFaultInjection(live.GetSection("FaultLab"));
        more?.Invoke(services);
        return (services.BuildServiceProvider(), live, upstream);
    }
}
