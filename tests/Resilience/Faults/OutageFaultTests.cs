using System.Net;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class OutageFaultTests
{
    [Fact]
    public async Task The_dependency_is_down_exactly_during_the_window()
    {
        using var clients = Clients.Create(f => f.AddOutage(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)));
        var client = clients.Client;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/a")).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(4.999));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/a")).StatusCode);
        clients.TimeProvider.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/a")).StatusCode);
        Assert.Equal(2, clients.Upstream.Calls);
    }

    [Fact]
    public async Task Flapping_alternates_up_and_down()
    {
        using var clients = Clients.Create(f => f.AddFlapping(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), OutageFailure.ConnectionRefused));
        var client = clients.Client;
        var seen = new List<string>();

        for (int i = 0; i < 6; i++)
        {
            try
            {
                using var r = await client.GetAsync("/a");
                seen.Add("up");
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
            {
                seen.Add("down");
            }

            clients.TimeProvider.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["up", "up", "down", "up", "up", "down"], seen);
    }

    [Fact]
    public void An_outage_without_a_schedule_is_rejected()
    {
        var options = new FaultInjectionOptions();
        options.Faults.Add(new OutageFault());

        Assert.Contains(options.Validate(), e => e.StartsWith("Faults[0].Schedule:", StringComparison.Ordinal));
    }
}
