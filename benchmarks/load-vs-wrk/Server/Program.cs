// A trivial endpoint on loopback only, on a port the OS picks: the clients, not the server, are being compared.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders(); // console logging per request would make the server the bottleneck
var app = builder.Build();
app.MapGet("/", () => "ok");
await app.StartAsync();

// run.sh reads this line to find the port.
Console.WriteLine($"LISTENING {app.Urls.First()}");
await app.WaitForShutdownAsync();
