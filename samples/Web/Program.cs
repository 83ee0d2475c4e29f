using FaultLab.Samples;

// The caller: reaches "orders" by service discovery, so the app host decides whether that is the real orders API
// or FaultLab's proxy in front of it. It has no resilience on purpose: every injected fault shows in its answer.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSampleTelemetry();
builder.Services.AddServiceDiscovery();
builder.Services.AddHttpClient("orders", c =>
{
    c.BaseAddress = new Uri("http://orders/");
    c.Timeout = TimeSpan.FromSeconds(5);
}).AddServiceDiscovery();

var app = builder.Build();
app.MapGet("/", async (IHttpClientFactory clients, CancellationToken cancellationToken) =>
{
    var request = new HttpRequestMessage(HttpMethod.Get, "orders");
    request.Headers.ConnectionClose = true; // one connection per call: a dropped connection is never retried silently
    try
    {
        using var response = await clients.CreateClient("orders").SendAsync(request, cancellationToken);
        return Results.Json(new { OrdersStatus = (int)response.StatusCode, Error = (string?)null });
    }
    catch (HttpRequestException ex)
    {
        return Results.Json(new { OrdersStatus = (int?)null, Error = $"{ex.GetType().Name}: {ex.Message}" });
    }
});
app.MapGet("/health", () => "ok");
app.Run();
