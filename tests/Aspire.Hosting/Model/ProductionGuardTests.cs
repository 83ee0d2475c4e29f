using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>The proxy inside an app host is judged by the app host's environment (its settings, <c>--environment</c>
/// among them), not by the variables of the process it happens to run in: Production refuses faults unless allowed.</summary>
public sealed class ProductionGuardTests
{
    private const string HostReason = "IHostEnvironment.EnvironmentName; a generic Host is Production unless DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT names another environment";

    [Fact]
    public async Task In_a_Production_app_host_requests_pass_through_the_first_says_why_once_and_the_state_shows_the_refusal()
    {
        await using var running = await ProxyApp.StartAsync("refunds", environment: "Production");
        var address = running.Chaos.Proxy!.Address;

        Assert.Equal((200, "refunds item 7"), await running.CallAsync(address)); // a fault would have given 503
        Assert.Equal((200, "refunds item 8"), await running.CallAsync(address, "8"));

        Assert.Equal(2, running.Upstream.Hits);
        var snapshot = await running.SnapshotAsync(s => s.StartTimeStamp is not null);
        Assert.Equal(("Faults on refunds refused in Production", KnownResourceStateStyles.Info), (snapshot.State!.Text, snapshot.State.Style));
        Assert.Equal("refunds-503", snapshot.Property("faultlab.faults"));
        var refusals = (await running.App.LogLinesAsync(running.Chaos)).Where(l => l.Contains("refused", StringComparison.Ordinal));
        Assert.Equal(
            [
                "FaultLab fault injection is configured for client 'refunds-chaos' but refused, so this client gets no faults: the environment is "
                    + $"Production (from {HostReason}) and AllowInProduction is false. Allow it in the profile, or name the environment "
                    + "(for example DOTNET_ENVIRONMENT=Development)",
            ],
            refusals);
    }

    [Fact]
    public async Task In_a_Production_app_host_a_profile_that_allows_Production_is_injected_and_the_state_follows_the_profile_in_force()
    {
        var outage = AppModel.Profile(new ConnectionRefusedFault { Name = "returns-down" });
        outage.AllowInProduction = true;
        await using var running = await ProxyApp.StartAsync("returns", outage: outage, environment: "Production");
        var address = running.Chaos.Proxy!.Address;
        Assert.Equal((200, "returns item 7"), await running.CallAsync(address));
        await running.SnapshotAsync(s => s.State?.Text == "Faults on returns refused in Production");

        Assert.True((await running.ExecuteAsync("faultlab-profile-outage")).Success);

        var snapshot = await running.SnapshotAsync(s => s.Properties.Any(p => p.Name == "faultlab.profile" && Equals(p.Value, "outage")));
        Assert.Equal(("Faults on returns", KnownResourceStateStyles.Warn), (snapshot.State!.Text, snapshot.State.Style));
        Assert.Equal((null, nameof(HttpRequestException)), await running.CallAsync(address));
        Assert.Equal(1, running.Upstream.Hits);
    }

    [Fact]
    public async Task In_a_Development_app_host_the_same_profile_is_injected_and_nothing_is_refused()
    {
        await using var running = await ProxyApp.StartAsync("exchanges", environment: "Development");

        var snapshot = await running.SnapshotAsync(s => s.StartTimeStamp is not null);

        Assert.Equal(("Faults on exchanges", KnownResourceStateStyles.Warn), (snapshot.State!.Text, snapshot.State.Style));
        Assert.Equal(503, (await running.CallAsync(running.Chaos.Proxy!.Address)).Status);
        Assert.Equal(0, running.Upstream.Hits);
        Assert.DoesNotContain(await running.App.LogLinesAsync(running.Chaos), l => l.Contains("refused", StringComparison.Ordinal));
    }
}
