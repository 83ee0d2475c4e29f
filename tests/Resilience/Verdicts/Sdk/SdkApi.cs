using FaultLab.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FaultLab.Tests.Verdicts.Sdk;

/// <summary>A local stand-in for the OpenAI and Stripe APIs on the shared loopback server: the happy answers the SDKs parse.</summary>
internal static class SdkApi
{
    public static Task<LoopbackServer> StartAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapPost("/v1/chat/completions", () => Results.Text("""
            {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
            """, "application/json"));
        app.MapGet("/v1/customers/{id}", (string id) => Results.Text($$"""{"id":"{{id}}","object":"customer","email":"a@example.test"}""", "application/json"));
        app.MapPost("/v1/customers", () => Results.Text("""{"id":"cus_new","object":"customer","email":"a@example.test"}""", "application/json"));
    });

    /// <summary>A handler to the local API, for the matrix to put its faults above.</summary>
    public static HttpMessageHandler Handler() => new SocketsHttpHandler { UseProxy = false };
}
