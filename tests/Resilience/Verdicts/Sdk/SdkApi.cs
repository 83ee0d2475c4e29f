using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaultLab.Tests.Verdicts.Sdk;

/// <summary>A local stand-in for the OpenAI and Stripe APIs on Kestrel (127.0.0.1, ephemeral port): the happy answers the SDKs parse.</summary>
internal sealed class SdkApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SdkApi(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SdkApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", () => Results.Text("""
            {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
            """, "application/json"));
        app.MapGet("/v1/customers/{id}", (string id) => Results.Text($$"""{"id":"{{id}}","object":"customer","email":"a@example.test"}""", "application/json"));
        app.MapPost("/v1/customers", () => Results.Text("""{"id":"cus_new","object":"customer","email":"a@example.test"}""", "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SdkApi(app, new Uri(address));
    }

    /// <summary>A handler to the local API, for the matrix to put its faults above.</summary>
    public static HttpMessageHandler Handler() => new SocketsHttpHandler { UseProxy = false };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
