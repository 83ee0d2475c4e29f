using System.Net;
using FaultLab.Pipeline;
using FaultLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FaultLab.Tests;

/// <summary>Without a host, the guard reads the environment the way hosts do; tested through injected values, since
/// changing the process's variables would race with every other test.</summary>
public sealed class ProductionGuardTests
{
    [Theory]
    [InlineData("Production", null, "Production")]
    [InlineData(null, "Production", "Production")]
    [InlineData("Staging", "Production", "Staging")]
    [InlineData(null, null, null)]
    public void The_process_environment_is_DOTNET_ENVIRONMENT_then_ASPNETCORE_ENVIRONMENT(string? dotnet, string? aspnet, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = dotnet, ["ASPNETCORE_ENVIRONMENT"] = aspnet };

        Assert.Equal(expected, ProductionRule.ProcessEnvironmentName(name => variables[name]));
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("production", false, true)]
    [InlineData("PRODUCTION", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Production ", false, false)]
    [InlineData("Prod", false, false)]
    [InlineData("Staging", false, false)]
    [InlineData("", false, false)]
    [InlineData(null, false, false)]
    public void The_public_rule_refuses_Production_in_any_case_unless_allowed_and_nothing_else(string? environment, bool allow, bool refused)
    {
        Assert.Equal(refused, ProductionRule.Refuses(environment, allow));
        Assert.Equal("Production", ProductionRule.EnvironmentName);
    }

    [Theory]
    [InlineData("Production", false, HttpStatusCode.OK)]
    [InlineData("production", false, HttpStatusCode.OK)]
    [InlineData("Production", true, HttpStatusCode.ServiceUnavailable)]
    [InlineData("Development", false, HttpStatusCode.ServiceUnavailable)]
    [InlineData(null, false, HttpStatusCode.ServiceUnavailable)]
    public async Task A_handler_built_without_DI_refuses_to_inject_in_Production_unless_allowed(string? environment, bool allow, HttpStatusCode expected)
    {
        var upstream = new Upstream();
        var handler = FaultInjection.CreateHandler(
            f =>
            {
                f.AddStatus(HttpStatusCode.ServiceUnavailable);
                if (allow)
                {
                    f.AllowInProduction();
                }
            },
            upstream, timeProvider: null, loggerFactory: null, clientName: "guarded", environmentName: environment);
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync("http://orders.internal/a");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Under_a_generic_Host_in_Production_the_first_request_says_why_it_got_no_faults_once()
    {
        // A generic Host is Production when no variable says otherwise, while CreateHandler and a bare service
        // collection then inject: the two can disagree in one process, so the refusal must be impossible to miss.
        var logs = new FakeLogCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs));
        var upstream = new Upstream();
        builder.Services.AddHttpClient("guarded-host", c => c.BaseAddress = new Uri("http://orders.internal"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream)
            .AddFaultInjection(f => f.AddStatus(HttpStatusCode.ServiceUnavailable));
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("guarded-host");
        int beforeAnyRequest = Refusals(logs).Count;

        for (int i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/a");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, beforeAnyRequest);
        var refusal = Assert.Single(Refusals(logs));
        Assert.Equal(LogLevel.Warning, refusal.Level);
        Assert.Contains("client 'guarded-host' but refused, so this client gets no faults", refusal.Message);
        Assert.Contains("IHostEnvironment.EnvironmentName; a generic Host is Production unless DOTNET_ENVIRONMENT", refusal.Message);
        Assert.Equal(3, upstream.Calls);
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("PRODUCTION", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Productions", false, false)]
    [InlineData("Staging", false, false)]
    [InlineData(null, false, false)]
    public void The_guard_refuses_only_Production_and_only_when_not_allowed(string? environment, bool allow, bool refused)
    {
        var guard = new ProductionGuard("c", new FakeLogger());

        Assert.Equal(refused, guard.Refuses(new FaultInjectionOptions { AllowInProduction = allow }, environment));
    }

    [Fact]
    public void A_refusal_is_explained_once_with_its_source_and_a_later_allowed_build_explains_nothing()
    {
        var refusedLogger = new FakeLogger();
        var refused = new ProductionGuard("shop", refusedLogger);
        var allowedLogger = new FakeLogger();
        var allowed = new ProductionGuard("shop", allowedLogger);

        refused.ExplainRefusalOnce(); // nothing refused yet
        Assert.True(refused.Refuses(new FaultInjectionOptions(), "Production", "the test"));
        refused.ExplainRefusalOnce();
        refused.ExplainRefusalOnce();
        Assert.True(allowed.Refuses(new FaultInjectionOptions(), "Production"));
        Assert.False(allowed.Refuses(new FaultInjectionOptions(), "Development"));
        allowed.ExplainRefusalOnce();

        var record = Assert.Single(refusedLogger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal(3, record.Id.Id);
        Assert.Equal("FaultLab fault injection is configured for client 'shop' but refused, so this client gets no faults: the environment is Production (from the test) and AllowInProduction is false. Allow it in the profile, or name the environment (for example DOTNET_ENVIRONMENT=Development)", record.Message);
        Assert.Empty(allowedLogger.Collector.GetSnapshot());
    }

    [Fact]
    public void Without_a_source_the_refusal_names_the_process_variables()
    {
        var logger = new FakeLogger();
        var guard = new ProductionGuard("p", logger);

        Assert.True(guard.Refuses(new FaultInjectionOptions(), "Production"));
        guard.ExplainRefusalOnce();

        Assert.Contains("(from DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT; no host)", Assert.Single(logger.Collector.GetSnapshot()).Message);
    }

    [Fact]
    public async Task A_handler_built_without_DI_in_Production_explains_its_refusal_on_the_first_request_only()
    {
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(new FakeLoggerProvider(logs)));
        var upstream = new Upstream();
        using var client = new HttpClient(FaultInjection.CreateHandler(f => f.AddStatus(HttpStatusCode.ServiceUnavailable), upstream,
            timeProvider: null, loggerFactory: loggers, clientName: "bare", environmentName: "Production"));

        Assert.Empty(logs.GetSnapshot());
        using var first = await client.GetAsync("http://orders.internal/a");
        using var second = await client.GetAsync("http://orders.internal/a");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("client 'bare' but refused", Assert.Single(logs.GetSnapshot()).Message);
        Assert.Equal(2, upstream.Calls);
    }

    private static List<FakeLogRecord> Refusals(FakeLogCollector logs) =>
        [.. logs.GetSnapshot().Where(r => r.Message.Contains("refused", StringComparison.Ordinal))];
}
