using System.Net;
using FaultLab.Pipeline;
using FaultLab.Tests.Support;

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
}
