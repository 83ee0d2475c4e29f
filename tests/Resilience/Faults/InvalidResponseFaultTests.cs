using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using FaultLab.Tests.Shared;
using Microsoft.Extensions.Http.Resilience;

namespace FaultLab.Tests.Faults;

public sealed class InvalidResponseFaultTests
{
    [Fact]
    public async Task Is_exactly_what_a_real_server_sending_garbage_produces()
    {
        using var garbage = new RawLoopbackServer(async (socket, cancel) =>
        {
            await socket.ReceiveAsync(new byte[4096], cancel);
            await socket.SendAsync("GARBAGE\r\n"u8.ToArray(), cancel);
            socket.Shutdown(SocketShutdown.Both);
        });
        using var real = new HttpClient { BaseAddress = garbage.BaseAddress };
        using var injected = new HttpClient(FaultInjection.CreateHandler(f => f.AddInvalidResponse(), new SocketsHttpHandler()))
        {
            BaseAddress = garbage.BaseAddress, // never reached: the fault answers first
        };

        var expected = await Assert.ThrowsAsync<HttpRequestException>(() => real.GetAsync("/orders"));
        var actual = await Assert.ThrowsAsync<HttpRequestException>(() => injected.GetAsync("/orders"));

        Assert.Equal("Received an invalid status line: 'GARBAGE'.", expected.Message);
        Assert.Equal(
            (expected.GetType(), expected.Message, expected.HttpRequestError, expected.HResult, expected.Source, expected.InnerException?.GetType()),
            (actual.GetType(), actual.Message, actual.HttpRequestError, actual.HResult, actual.Source, actual.InnerException?.GetType()));
        Assert.Equal("InvalidResponse", actual.Data[InjectedFault.ExceptionDataKey]);
        Assert.True(HttpClientResiliencePredicates.IsTransient(Polly.Outcome.FromException<HttpResponseMessage>(expected)));
        Assert.True(HttpClientResiliencePredicates.IsTransient(Polly.Outcome.FromException<HttpResponseMessage>(actual)));
    }

    [Fact]
    public async Task Bound_from_a_profile_without_a_status_line_it_sends_the_documented_default()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FaultLab:Faults:0:Kind"] = "InvalidResponse" }).Build();
        var profile = FaultInjectionOptions.FromConfiguration(configuration.GetSection("FaultLab"));
        using var injected = new HttpClient(FaultInjection.CreateHandler(f => f.AddFault(profile.Faults[0]), new SocketsHttpHandler()))
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"), // never reached: the fault answers first
        };

        var actual = await Assert.ThrowsAsync<HttpRequestException>(() => injected.GetAsync("/orders"));

        Assert.Empty(profile.Validate());
        Assert.Equal("Received an invalid status line: 'GARBAGE'.", actual.Message);
    }

    [Fact]
    public void Names_the_line_it_sends_and_refuses_one_that_is_not_a_line()
    {
        var errors = new FaultInjectionOptions { Faults = { new InvalidResponseFault { StatusLine = "two\r\nlines" } } }.Validate();

        Assert.Equal("Faults:0:StatusLine: must be one non-empty line (was 'two\r\nlines').", Assert.Single(errors));
    }
}
