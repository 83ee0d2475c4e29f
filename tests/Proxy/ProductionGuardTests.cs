using System.Net;
using FaultLab.Control.Tests;
using Microsoft.Extensions.Hosting.Internal;

namespace FaultLab.Proxy.Tests;

/// <summary>A proxy that serves a host (<see cref="FaultProxyOptions.HostEnvironment"/>) is judged by that host's
/// environment, with the core's reason; without one, by the process's variables.</summary>
public sealed class ProductionGuardTests
{
    public const string HostReason = "IHostEnvironment.EnvironmentName; a generic Host is Production unless DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT names another environment";
    public const string ProcessReason = "DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT; no host";

    [Fact]
    public async Task Serving_a_Production_host_requests_pass_through_and_the_first_says_why_once()
    {
        await using var upstream = await Upstream.StartAsync();
        var logs = new ListLogger();
        using var loggers = logs.Factory();
        await using var proxy = await ProxyAsync(upstream, "Production", allow: false, loggers);
        using var client = ProxyFixture.RawClient();

        using var first = await client.GetAsync(new Uri(proxy.Address, "orders/1"));
        using var second = await client.GetAsync(new Uri(proxy.Address, "orders/2"));

        Assert.Equal((HttpStatusCode.Created, """{"path":"/orders/1","method":"GET"}"""), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, upstream.Hits);
        Assert.Equal([Refusal("shop", HostReason)], logs.Lines.Select(l => l.Message).Where(m => m.Contains("refused", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Serving_a_host_that_allows_faults_they_are_injected(string environment, bool allow)
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyAsync(upstream, environment, allow);
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "orders/1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, upstream.Hits);
    }

    [Theory]
    [InlineData("Production", HttpStatusCode.Created)]
    [InlineData("Development", HttpStatusCode.ServiceUnavailable)]
    public async Task Header_requested_faults_follow_the_hosts_environment_too(string environment, HttpStatusCode expected)
    {
        await using var upstream = await Upstream.StartAsync();
        var headerFaults = new FaultLab.Control.HeaderFaultOptions { Enabled = true };
        headerFaults.Faults.Add(new StatusFault { Name = "boom" });
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            HeaderFaults = headerFaults,
            HostEnvironment = new HostingEnvironment { EnvironmentName = environment },
        });
        using var client = ProxyFixture.RawClient();

        using var asked = new HttpRequestMessage(HttpMethod.Get, new Uri(proxy.Address, "orders/1"))
        {
            Headers = { { FaultLab.Control.HeaderFaultOptions.DefaultHeaderName, "boom" } },
        };
        using var response = await client.SendAsync(asked);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? 1 : 0, upstream.Hits);
    }

    internal static string Refusal(string client, string reason) =>
        $"FaultLab fault injection is configured for client '{client}' but refused, so this client gets no faults: the environment is "
        + $"Production (from {reason}) and AllowInProduction is false. Allow it in the profile, or name the environment "
        + "(for example DOTNET_ENVIRONMENT=Development)";

    internal static Task<FaultProxy> ProxyAsync(Upstream upstream, string? environment, bool allow, Microsoft.Extensions.Logging.ILoggerFactory? loggers = null) =>
        FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Profile = new FaultInjectionOptions { AllowInProduction = allow, Faults = { new StatusFault() } },
            ClientName = "shop",
            HostEnvironment = environment is null ? null : new HostingEnvironment { EnvironmentName = environment },
            LoggerFactory = loggers,
        });
}

/// <summary>The process's variables decide only without a host; these tests set <c>DOTNET_ENVIRONMENT</c> for the
/// whole process, so they run alone, after every parallel test.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ProcessEnvironmentTests : IDisposable
{
    private readonly string? _saved = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");

    public ProcessEnvironmentTests() => Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Production");

    [Fact]
    public async Task Without_a_host_a_Production_process_refuses_with_the_process_reason_as_the_standalone_proxy_does()
    {
        await using var upstream = await Upstream.StartAsync();
        var logs = new ListLogger();
        using var loggers = logs.Factory();
        await using var proxy = await ProductionGuardTests.ProxyAsync(upstream, environment: null, allow: false, loggers);
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "orders/1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([ProductionGuardTests.Refusal("shop", ProductionGuardTests.ProcessReason)],
            logs.Lines.Select(l => l.Message).Where(m => m.Contains("refused", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_Development_host_is_injected_in_a_Production_process()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProductionGuardTests.ProxyAsync(upstream, "Development", allow: false);
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "orders/1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, upstream.Hits);
    }

    public void Dispose() => Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", _saved);
}

/// <summary>Tests that change the process's environment variables: never in parallel with any other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
