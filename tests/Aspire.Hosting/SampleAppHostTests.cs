using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FaultLab.Aspire.Hosting.Tests;

/// <summary>The sample app host as a user runs it: web reaches orders through the fault proxy by service discovery,
/// and the proxy's dashboard commands switch the faults. End to end (it starts the orchestrator and two processes, about
/// 30 s): in every <c>dotnet test</c> run, but not in mutation runs, which use the fast tests of <c>Model/</c>.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SampleAppHostTests(ITestOutputHelper output)
{
    private const string Chaos = "orders-chaos";
    private const int Calls = 20;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Dashboard_commands_switch_the_faults_web_meets_through_service_discovery()
    {
        var clock = Stopwatch.StartNew();
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.FaultLab_Samples_AppHost>();
        await using var app = await appHost.BuildAsync();
        await app.StartAsync().WaitAsync(StartLimit);
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        await notifications.WaitForResourceHealthyAsync("web").WaitAsync(StartLimit);
        var started = await notifications.WaitForResourceAsync(Chaos, e => e.Snapshot.State?.Text == "Faults on orders").WaitAsync(StartLimit);
        output.WriteLine($"started and healthy after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains(started.Snapshot.Properties, p => p.Name == "faultlab.target" && p.Value is string v && v.StartsWith("orders", StringComparison.Ordinal));

        using var web = app.CreateHttpClient("web");

        // Faults on (the "flaky" profile: 503 at 50 %, seed 42): web sees injected 503s and real 200s, nothing else.
        var flaky = await CallAsync(web);
        Assert.InRange(flaky.Count(r => r.OrdersStatus == 503), 1, Calls - 1);
        Assert.All(flaky, r => Assert.Contains(r.OrdersStatus, new int?[] { 200, 503 }));
        var counted = await PropertyAsync(notifications, "faultlab.injected", flaky.Count(r => r.OrdersStatus == 503).ToString());
        Assert.Equal(flaky.Count(r => r.OrdersStatus == 503).ToString(), counted);

        // "Faults off": every call reaches orders.
        Assert.True((await commands.ExecuteCommandAsync(Chaos, FaultProxyCommands.FaultsOff)).Success);
        await notifications.WaitForResourceAsync(Chaos, e => e.Snapshot.State?.Text == "No faults on orders").WaitAsync(StartLimit);
        Assert.All(await CallAsync(web), r => Assert.Equal(200, r.OrdersStatus));

        // "Faults on", then switch to the "outage" profile: the connection is refused... as a reset, seen by web.
        Assert.True((await commands.ExecuteCommandAsync(Chaos, FaultProxyCommands.FaultsOn)).Success);
        Assert.True((await commands.ExecuteCommandAsync(Chaos, FaultProxyCommands.ProfilePrefix + "outage")).Success);
        Assert.All(await CallAsync(web), r =>
        {
            Assert.Null(r.OrdersStatus);
            Assert.StartsWith("HttpRequestException", r.Error);
        });

        // "Clear all faults": pass-through again.
        Assert.True((await commands.ExecuteCommandAsync(Chaos, FaultProxyCommands.Clear)).Success);
        await notifications.WaitForResourceAsync(Chaos, e => e.Snapshot.State?.Text == "No faults on orders").WaitAsync(StartLimit);
        Assert.All(await CallAsync(web), r => Assert.Equal(200, r.OrdersStatus));
        output.WriteLine($"whole test {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<List<WebAnswer>> CallAsync(HttpClient web)
    {
        var answers = new List<WebAnswer>();
        for (int i = 0; i < Calls; i++)
        {
            answers.Add((await web.GetFromJsonAsync<WebAnswer>("/"))!);
        }

        return answers;
    }

    /// <summary>The property as last published once it has the expected value (the counters are republished on changes).</summary>
    private static async Task<string?> PropertyAsync(ResourceNotificationService notifications, string name, string expected)
    {
        var resourceEvent = await notifications.WaitForResourceAsync(Chaos, e =>
            e.Snapshot.Properties.Any(p => p.Name == name && Equals(p.Value, expected))).WaitAsync(TimeSpan.FromSeconds(30));
        return resourceEvent.Snapshot.Properties.Single(p => p.Name == name).Value as string;
    }

    private sealed record WebAnswer(int? OrdersStatus, string? Error);
}
