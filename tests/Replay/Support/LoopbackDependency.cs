using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FaultLab.Replay.Tests.Support;

/// <summary>
/// A real Kestrel dependency on 127.0.0.1 with a port the OS picks, to record against. Counts the requests it
/// served so tests can prove replay did not reach it.
/// </summary>
internal sealed class LoopbackDependency : IAsyncDisposable
{
    public const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    private readonly WebApplication _app;
    private int _hits;
    private int _flakyCalls;
    private bool _stopped;

    private LoopbackDependency(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Hits => Volatile.Read(ref _hits);

    public static async Task<LoopbackDependency> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var dependency = new LoopbackDependency(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref dependency._hits);
            await next(context);
        });
        app.MapGet("/orders/{id}", (string id, HttpRequest request) =>
            Results.Json(new { id, query = request.QueryString.Value, status = "shipped" }));
        app.MapGet("/hello", () => Results.Text("hello, world", "text/plain"));
        app.MapGet("/binary", () => Results.Bytes(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), "application/octet-stream"));
        app.MapGet("/flaky", () => Interlocked.Increment(ref dependency._flakyCalls) == 1
            ? Results.Json(new { error = "slow down" }, statusCode: 429)
            : Results.Json(new { ok = true }));
        app.MapGet("/counter", () => Results.Text(Volatile.Read(ref dependency._hits).ToString(), "text/plain"));
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            return Results.Text(body, request.ContentType ?? "text/plain");
        });
        app.MapGet("/session", (HttpResponse response) =>
        {
            response.Headers.SetCookie = "session=s3cr3t-session; HttpOnly";
            return Results.Json(new { user = "ann", token = Jwt, profile = new { password = "hunter2", city = "Oslo" } });
        });
        app.MapGet("/authorize", (HttpResponse response) =>
        {
            // An OAuth server's answer: the redirect carries the code and token, the other headers point at URLs with tokens too.
            response.Headers.ContentLocation = "/authorize?client_id=shop&client_secret=cs-secret&scope=orders";
            response.Headers.Link = "<https://127.0.0.1/orders?page=2&access_token=link-token-1>; rel=\"next\", </orders?page=9&api_key=link-key-2>; rel=\"last\"";
            return Results.Redirect("https://127.0.0.1/cb?access_token=abc&code=xyz&state=s1");
        });
        app.MapGet("/events", () => Results.Text(
            "event: login\ndata: {\"user\":\"ann\",\"access_token\":\"sse-token-1\"}\n\ndata: {\"refreshToken\": \"sse-token-2\", \"n\": 2}\n\n",
            "text/event-stream"));
        app.MapGet("/leaky", () => Results.Json(new { note = "ghp_" + new string('a', 36) }));
        await app.StartAsync();
        dependency.BaseAddress = new Uri(app.Urls.Single());
        return dependency;
    }

    /// <summary>Stops serving: from now on any request that reaches the network fails to connect.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
