using FaultLab.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FaultLab.Proxy.Tests;

/// <summary>The proxy's upstream: the shared loopback server with a few fixed endpoints; counts the requests it served.</summary>
internal sealed class Upstream : IAsyncDisposable
{
    public static readonly byte[] Big = Enumerable.Range(0, 1000).Select(i => (byte)(i % 251)).ToArray();

    private readonly LoopbackServer _server;

    private Upstream(LoopbackServer server) => _server = server;

    public Uri Address => _server.BaseAddress;

    public int Hits => _server.Hits;

    public static async Task<Upstream> StartAsync() => new(await LoopbackServer.StartAsync(app => app.Run(async context =>
    {
        var response = context.Response;
        switch (context.Request.Path.Value)
        {
            case "/big":
                response.ContentType = "application/octet-stream";
                response.ContentLength = Big.Length;
                await response.Body.WriteAsync(Big);
                break;
            default:
                response.StatusCode = 201;
                response.ContentType = "application/json; charset=utf-8";
                response.Headers.ETag = "\"v1\"";
                response.Headers["X-Upstream"] = "yes";
                response.Headers.CacheControl = "max-age=60";
                response.Headers["Set-Cookie"] = new[] { "a=1; Path=/", "b=2; Path=/" };
                byte[] body = System.Text.Encoding.UTF8.GetBytes($"{{\"path\":\"{context.Request.Path}{context.Request.QueryString}\",\"method\":\"{context.Request.Method}\"}}");
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body);
                break;
        }
    })));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
