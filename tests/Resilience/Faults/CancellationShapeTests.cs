using FaultLab.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Polly;
using Polly.Timeout;

namespace FaultLab.Tests.Faults;

/// <summary>
/// A cancelled hang against a real Kestrel server on 127.0.0.1 that never answers, measured here, next to the same
/// request cancelled while an injected hang holds it: under HttpClient.Timeout, a Polly timeout and the caller's own
/// token the two chains (type, message, source of every exception, outermost first) are the same down to the
/// handler's own <see cref="TaskCanceledException"/>. Below it, the real chain depends on a race inside
/// SocketsHttpHandler (the cancelled read or the connection's disposal wins): IOException over
/// SocketException(OperationAborted), ObjectDisposedException or HttpIOException(ResponseEnded) were each measured
/// here; the injected hang gives the first.
/// </summary>
public sealed class CancellationShapeTests : IAsyncLifetime
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200); // real time: each case waits this once
    private LoopbackServer _silent = null!;

    public async Task InitializeAsync() =>
        _silent = await LoopbackServer.StartAsync(app => app.Run(context =>
            context.Request.Path == "/ok" ? context.Response.WriteAsync("ok") : Task.Delay(Timeout.Infinite, context.RequestAborted)));

    public async Task DisposeAsync() => await _silent.DisposeAsync();

    [Fact]
    public async Task Under_HttpClient_Timeout_the_injected_hang_gives_the_real_chain()
    {
        var real = await Chain(c => c.GetAsync("/orders"), inject: false, timeout: Short);
        var injected = await Chain(c => c.GetAsync("/orders"), inject: true, timeout: Short);

        Assert.Equal(real, injected);
        Assert.Equal("The operation was canceled.", real[2].Message);
    }

    [Fact]
    public async Task Under_the_callers_token_the_injected_hang_gives_the_real_chain()
    {
        var real = await Chain(async c => { using var cancel = new CancellationTokenSource(Short); return await c.GetAsync("/orders", cancel.Token); }, inject: false);
        var injected = await Chain(async c => { using var cancel = new CancellationTokenSource(Short); return await c.GetAsync("/orders", cancel.Token); }, inject: true);

        Assert.Equal(real, injected);
        Assert.Equal(("System.Threading.Tasks.TaskCanceledException", "The operation was canceled.", "System.Net.Http"), real[0]);
    }

    [Fact]
    public async Task Under_a_Polly_timeout_the_injected_hang_gives_the_real_chain()
    {
        var timeout = new ResiliencePipelineBuilder().AddTimeout(Short).Build();
        var real = await Chain(c => timeout.ExecuteAsync(async t => await c.GetAsync("/orders", t)).AsTask(), inject: false);
        var injected = await Chain(c => timeout.ExecuteAsync(async t => await c.GetAsync("/orders", t)).AsTask(), inject: true);

        Assert.Equal(real, injected);
        Assert.Equal(typeof(TimeoutRejectedException).FullName, real[0].Type);
    }

    private async Task<List<(string Type, string Message, string? Source)>> Chain(Func<HttpClient, Task<HttpResponseMessage>> send, bool inject,
        TimeSpan? timeout = null)
    {
        HttpMessageHandler handler = inject
            ? FaultInjection.CreateHandler(f => f.AddFault<HangFault>(h => h.Target = new FaultTarget { Paths = { "/orders" } }), new SocketsHttpHandler())
            : new SocketsHttpHandler();
        using var client = new HttpClient(handler) { BaseAddress = _silent.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        var chain = new List<(string, string, string?)>();

        // The hanging request then rides an open connection: cancelled while waiting for the response, not while connecting.
        Assert.Equal("ok", await client.GetStringAsync("/ok"));
        try
        {
            using var _ = await send(client);
        }
        catch (Exception ex)
        {
            for (Exception? e = ex; e is not null; e = e.InnerException)
            {
                chain.Add((e.GetType().FullName!, e.Message, e.Source));
            }
        }

        int handlerLevel = chain.FindLastIndex(e => e.Item1 == typeof(TaskCanceledException).FullName);
        Assert.True(handlerLevel >= 0, "a cancelled request ends in the handler's TaskCanceledException");
        if (inject)
        {
            Assert.Equal(
                [("System.IO.IOException", "Unable to read data from the transport connection: Operation canceled.", "System.Net.Sockets"),
                 ("System.Net.Sockets.SocketException", "Operation canceled", null)],
                chain.Skip(handlerLevel + 1));
        }

        return chain.Take(handlerLevel + 1).ToList();
    }
}
