using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// In the global namespace: the programs of Programs/ (namespaces of their own) reach it without a using line.
/// <summary>
/// The local stand-in for the sites the NBomber programs of Programs/ target: one Kestrel
/// on 127.0.0.1 with an ephemeral port for the whole test assembly, started on first use. It counts the requests
/// per path so tests compare what the statistics claim with what really arrived; a test that compares exact counts
/// uses a path no other test requests (tests run in parallel).
/// </summary>
public static class LocalSite
{
    /// <summary>A page body larger than 1 KB, so data-transfer figures are not trivially small.</summary>
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
        app.MapGet("/orders", (HttpContext http) => { Hit(http); return Results.Json(new[] { new { id = 1, total = 42.0 } }); });
        app.MapGet("/status/{code:int}", (HttpContext http, int code) => { Hit(http); return Results.StatusCode(code); });
        app.MapGet("/tracking", (HttpContext http) => { Hit(http); return Results.Json(new { parcel = "PX-1001", state = "in transit" }); });
        // The search program's error budget has one retired link to find: the first search of the process answers 404.
        app.MapGet("/search", (HttpContext http) => Hit(http) == 1 ? Results.NotFound() : Results.Content(Page, "text/html"));
        app.MapGet("/parcels", (HttpContext http) => { Hit(http); return Results.Json(new[] { new { id = "PX-1001", destination = "Oslo" } }); });
        app.MapGet("/parcels/{id}", (HttpContext http, string id) => { Hit(http); return Results.Json(new { id, state = "in transit" }); });
        // A registration is accepted only when its JSON body arrived whole.
        app.MapPost("/parcels", async (HttpContext http) =>
        {
            Hit(http);
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            return body.Contains("\"destination\": \"Oslo\"", StringComparison.Ordinal) ? Results.Created("/parcels/PX-1002", null) : Results.BadRequest();
        });
        app.MapGet("/forecast/{city}", (HttpContext http, string city) => { Hit(http); return Results.Json(new { city, highC = 11, lowC = 4 }); });
        app.MapGet("/stations/{id}", (HttpContext http, string id) => { Hit(http); return Results.Json(new { id, rainMm = 3.2 }); });
        app.MapGet("/alerts", (HttpContext http) => { Hit(http); return Results.Json(Array.Empty<string>()); });
        app.MapGet("/catalogue", (HttpContext http) => { Hit(http); return Results.Content(Page, "text/html"); });
        app.StartAsync().GetAwaiter().GetResult();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }
}

/// <summary>
/// Runs the programs compressed in time: the xUnit-style program (Programs/Web/SiteSearchLoadTest.cs) is discovered and run by xUnit
/// directly, so the scale they run at is set for the whole test process before any test starts.
/// </summary>
internal static class ProcessWideTimeScale
{
    [ModuleInitializer]
    internal static void Set() => Environment.SetEnvironmentVariable(FaultLab.Load.NBomber.NBomberOverrides.TimeScaleVariable, "0.1");
}
