using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Proxy.Tests;

/// <summary>A real Kestrel upstream on 127.0.0.1:0 with a few fixed endpoints; counts the requests it served.</summary>
internal sealed class Upstream : IAsyncDisposable
{
    public static readonly byte[] Big = Enumerable.Range(0, 1000).Select(i => (byte)(i % 251)).ToArray();

    private readonly WebApplication _app;
    private int _hits;

    private Upstream(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public int Hits => Volatile.Read(ref _hits);

    public static async Task<Upstream> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var upstream = new Upstream(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref upstream._hits);
            await next(context);
        });
        app.Run(async context =>
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
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        upstream.Address = new Uri(address + "/");
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
