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

        Assert.Equal(["Faults:0:Schedule: an outage needs a schedule: Start and Duration, or Up and Down."], options.Validate());
    }
    [Fact]
    public void An_outage_without_a_schedule_is_rejected_with_what_it_needs()
    {
        Assert.Equal(["Faults:0:Schedule: an outage needs a schedule: Start and Duration, or Up and Down."], FaultErrors.Of(new OutageFault()));
        Assert.Empty(FaultErrors.Of(new OutageFault { Schedule = new FaultSchedule { Start = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(1) } }));
    }

    [Theory]
    [InlineData(OutageFailure.ServiceUnavailable, 503, "application/problem+json")]
    [InlineData(OutageFailure.BadGateway, 502, "text/html")]
    [InlineData(OutageFailure.GatewayTimeout, 504, "text/html")]
    public async Task A_status_outage_answers_with_its_status_and_body(OutageFailure failure, int status, string mediaType)
    {
        using var clients = Clients.Create(f => f.AddOutage(TimeSpan.Zero, TimeSpan.FromMinutes(1), failure));

        using var response = await clients.Client.GetAsync("/a");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        if (mediaType == "text/html")
        {
            Assert.Contains($"<h1>{status} {response.ReasonPhrase}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Theory]
    [InlineData(OutageFailure.ConnectionRefused, HttpRequestError.ConnectionError, "Connection refused (orders.internal:8080)")]
    [InlineData(OutageFailure.DnsFailure, HttpRequestError.NameResolutionError, "Name or service not known (orders.internal:8080)")]
    public async Task A_network_outage_fails_as_that_network_fault(OutageFailure failure, HttpRequestError error, string message)
    {
        using var clients = Clients.Create(f => f.AddOutage(TimeSpan.Zero, TimeSpan.FromMinutes(1), failure));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/a"));

        Assert.Equal((error, message), (ex.HttpRequestError, ex.Message));
    }

    [Fact]
    public async Task A_hanging_outage_waits_for_the_callers_cancellation()
    {
        using var clients = Clients.Create(f => f.AddOutage(TimeSpan.Zero, TimeSpan.FromMinutes(1), OutageFailure.Hang));
        using var cts = new CancellationTokenSource();

        var pending = clients.Client.GetAsync("/a", cts.Token);
        clients.TimeProvider.Advance(TimeSpan.FromMinutes(5));
        Assert.False(pending.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, clients.Upstream.Calls);
    }

    [Fact]
    public void The_builder_shorthands_set_failure_and_schedule()
    {
        var window = Assert.IsType<OutageFault>(Assert.Single(FaultErrors.Built(b => b.AddOutage(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), OutageFailure.DnsFailure))));
        var flapping = Assert.IsType<OutageFault>(Assert.Single(FaultErrors.Built(b => b.AddFlapping(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), OutageFailure.Hang))));
        var configured = Assert.IsType<OutageFault>(Assert.Single(FaultErrors.Built(b => b.AddOutage(o => o.Failure = OutageFailure.BadGateway))));
        var plain = Assert.IsType<OutageFault>(Assert.Single(FaultErrors.Built(b => b.AddFlapping(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4)))));

        Assert.Equal((OutageFailure.DnsFailure, TimeSpan.FromSeconds(1), (TimeSpan?)TimeSpan.FromSeconds(2)), (window.Failure, window.Schedule!.Start, window.Schedule.Duration));
        Assert.Equal((OutageFailure.Hang, (TimeSpan?)TimeSpan.FromSeconds(3), (TimeSpan?)TimeSpan.FromSeconds(4)), (flapping.Failure, flapping.Schedule!.Up, flapping.Schedule.Down));
        Assert.Equal(OutageFailure.BadGateway, configured.Failure);
        Assert.Equal(OutageFailure.ServiceUnavailable, plain.Failure);
    }
}
