using System.Net;
using FaultLab.Testing;

namespace FaultLab.Testing.Tests;

/// <summary>Scripts where users look for them: <c>using FaultLab.Testing;</c> alone gives <c>AddScript</c> (this file
/// imports nothing else), and an SDK that takes a handler or an <see cref="HttpClient"/> gets one directly.</summary>
public sealed class ScriptEntryPointTests
{
    [Fact]
    public async Task AddScript_needs_only_the_packages_namespace()
    {
        var upstream = new FakeUpstream().MapGet("/v1/charges", """{"id":"ch_1"}""");
        using var client = new HttpClient(FaultInjection.CreateHandler(f => f.AddScript(s => s.Status(HttpStatusCode.TooManyRequests)), upstream))
        {
            BaseAddress = new Uri("https://api.payments.example.test"),
        };

        using var first = await client.GetAsync("/v1/charges");
        using var second = await client.GetAsync("/v1/charges");

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task An_SDK_that_takes_an_HttpClient_gets_a_scripted_handler_directly()
    {
        var clock = new TestClock();
        var upstream = new FakeUpstream(clock).MapGet("/chat", """{"ok":true}""");
        using var faults = new InjectedFaultRecorder("sdk");
        using var sdkClient = new HttpClient(FaultScript.CreateHandler(
            s => s.ConnectionReset().Fault(new LatencyFault { Delay = TimeSpan.FromSeconds(2) }).ThenPass(),
            upstream, clock, clientName: "sdk"))
        {
            BaseAddress = new Uri("https://llm.example.test"),
        };

        await Assert.ThrowsAsync<HttpRequestException>(() => sdkClient.GetAsync("/chat"));
        using var slow = await clock.RunUntilComplete(sdkClient.GetAsync("/chat"));

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
        Assert.Equal(["ConnectionReset", "Latency"], faults.Faults.Select(f => f.Kind));
        Assert.Equal(1, upstream.RequestCount);
    }
}
