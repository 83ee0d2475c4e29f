// Two services, FaultLab in front of one: "web" reaches "orders" by service discovery, and the app host hands it the
// fault proxy's address under that name. Switch the faults from the dashboard (the orders-chaos resource's commands).
// README's Aspire block is this file between the markers (tests/Aspire.Hosting keeps them identical).
// <aspire-example>
using FaultLab;
using FaultLab.Proxy;

var builder = DistributedApplication.CreateBuilder(args);
var orders = builder.AddProject("orders", "../Orders/FaultLab.Samples.Orders.csproj")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health");
var chaos = orders.WithFaultProxy(FaultProfileFile.Load(Path.Combine(builder.AppHostDirectory, "chaos.json")), profileName: "flaky")
    .WithFaultProfile("outage", FaultProfileFile.Load(Path.Combine(builder.AppHostDirectory, "outage.json")));
builder.AddProject("web", "../Web/FaultLab.Samples.Web.csproj")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(chaos, "orders")  // service discovery resolves "orders" to the proxy
    .WaitFor(orders);
builder.Build().Run();
// </aspire-example>
