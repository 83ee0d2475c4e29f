using FaultLab.Samples;

// The dependency FaultLab is put in front of: a plain orders API, unaware of any chaos.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSampleTelemetry();
var app = builder.Build();
app.MapGet("/orders", () => new[] { new { Id = 1, Item = "book" }, new { Id = 2, Item = "lamp" } });
app.MapGet("/health", () => "ok");
app.Run();
