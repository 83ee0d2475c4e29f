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

        Assert.Equal(expected, ProductionGuard.ProcessEnvironment(name => variables[name]));
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

    private static List<FakeLogRecord> Refusals(FakeLogCollector logs) =>
        [.. logs.GetSnapshot().Where(r => r.Message.Contains("refused", StringComparison.Ordinal))];
}
