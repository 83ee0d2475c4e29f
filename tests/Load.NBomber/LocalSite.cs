using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// In the global namespace: the copied programs (namespaces of their own) reach it without a using line.
/// <summary>
/// The local stand-in for the sites the copied NBomber programs target (nbomber.com, their own APIs): one Kestrel
/// on 127.0.0.1 with an ephemeral port for the whole test assembly, started on first use. It counts the requests
/// per path so tests compare what the statistics claim with what really arrived; a test that compares exact counts
/// uses a path no other test requests (tests run in parallel).
/// </summary>
public static class LocalSite
{
    /// <summary>A page body larger than 1 KB, as the NBomber examples' data-transfer assertions expect.</summary>
    public static readonly string Page = "<html><body>" + new string('x', 2000) + "</body></html>";

    private static readonly ConcurrentDictionary<string, long> Hits = new(StringComparer.Ordinal);
    private static readonly Lazy<string> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The base address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public static string Url => Started.Value;

    /// <summary>How many requests reached <paramref name="path"/> so far.</summary>
    public static long HitsOf(string path) => Hits.TryGetValue(path, out var n) ? n : 0;

    private static long Hit(HttpContext http) => Hits.AddOrUpdate(http.Request.Path.Value ?? "/", 1, (_, n) => n + 1);

    private static string Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", (HttpContext http) => { Hit(http); return Results.Content(Page, "text/html"); });
        // The first request of the thresholds example gets a 404, so its "any 404?" threshold has something to find.
        app.MapGet("/thresholds", (HttpContext http) => Hit(http) == 1 ? Results.NotFound() : Results.Content(Page, "text/html"));
        app.MapGet("/api/products", (HttpContext http) => { Hit(http); return Results.Json(new[] { new { id = 1, title = "Sandalia", quantity = 100 } }); });
        app.MapGet("/api/products/1", (HttpContext http) => { Hit(http); return Results.Json(new { id = 1, title = "Sandalia", quantity = 100 }); });
        app.MapPost("/api/products", async (HttpContext http) =>
        {
            Hit(http);
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            return body.Contains("Sandalia", StringComparison.Ordinal) ? Results.Created("/api/products/2", null) : Results.BadRequest();
        });
        app.MapGet("/products", (HttpContext http) => { Hit(http); return Results.Content(Page, "text/html"); });
        app.MapGet("/api/categories", (HttpContext http) => { Hit(http); return Results.Json(new[] { "shoes" }); });
        app.MapGet("/orders", (HttpContext http) => { Hit(http); return Results.Json(new[] { new { id = 1, total = 42.0 } }); });
        app.MapGet("/health", (HttpContext http) => { Hit(http); return Results.Text("Healthy"); });
        app.MapGet("/status/{code:int}", (HttpContext http, int code) => { Hit(http); return Results.StatusCode(code); });
        app.StartAsync().GetAwaiter().GetResult();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }
}

/// <summary>
/// Runs the copied programs compressed in time: NBomber's own xUnit examples are discovered and run by xUnit
/// directly, so the scale they run at is set for the whole test process before any test starts.
/// </summary>
internal static class ProcessWideTimeScale
{
    [ModuleInitializer]
    internal static void Set() => Environment.SetEnvironmentVariable(FaultLab.Load.NBomber.NBomberOverrides.TimeScaleVariable, "0.1");
}
