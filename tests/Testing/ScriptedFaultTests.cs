using System.Net;
using System.Net.Sockets;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing.Tests;

public sealed class ScriptedFaultTests
{
    [Fact]
    public async Task Each_attempt_gets_its_step_in_order_then_the_dependency()
    {
        var upstream = new FakeUpstream().MapGet("/a", "ok");
        using var client = new HttpClient(FaultInjection.CreateHandler(
            f => f.AddScript(s => s.Status(HttpStatusCode.BadGateway).DnsFailure().ConnectionReset()), upstream))
        { BaseAddress = new Uri("https://svc.example.test") };

        using var first = await client.GetAsync("/a");
        var second = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/a"));
        var third = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/a"));
        using var fourth = await client.GetAsync("/a");

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal((HttpRequestError.NameResolutionError, "Name or service not known (svc.example.test:443)"), (second.HttpRequestError, second.Message));
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(Assert.IsType<IOException>(third.InnerException).InnerException).SocketErrorCode);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal(1, upstream.RequestCount);
    }

    [Fact]
    public async Task Repeat_last_step_keeps_failing_and_every_failure_is_a_new_exception()
    {
        using var client = new HttpClient(FaultInjection.CreateHandler(f => f.AddScript(s => s.ConnectionRefused().ThenRepeatLastStep()), new FakeUpstream()))
        { BaseAddress = new Uri("https://svc.example.test") };

        var failures = new List<HttpRequestException>();
        for (int i = 0; i < 3; i++)
        {
            failures.Add(await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/a")));
        }

        Assert.All(failures, f => Assert.Equal(HttpRequestError.ConnectionError, f.HttpRequestError));
        Assert.Equal(3, failures.Distinct().Count());
    }

    [Fact]
    public async Task Injected_steps_are_listed_on_the_request_with_the_step_kind()
    {
        using var client = new HttpClient(FaultInjection.CreateHandler(f => f.AddScript(s => s.Status(HttpStatusCode.TooManyRequests)), new FakeUpstream()))
        { BaseAddress = new Uri("https://svc.example.test") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/a");

        (await client.SendAsync(request)).Dispose();

        Assert.Equal(new InjectedFault("Status", "Scripted", 429, null), Assert.Single(InjectedFault.For(request)));
    }

    [Fact]
    public void An_empty_script_is_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => FaultInjection.CreateHandler(f => f.AddScript(_ => { })));

        Assert.Equal("Invalid fault profile: Faults:0:Steps: a script needs at least one step. (Parameter 'configure')", error.Message);
    }
}
