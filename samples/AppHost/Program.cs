using FaultLab.Proxy;

// Two services, FaultLab in front of one: "web" reaches "orders" by service discovery, and the app host hands it the
// fault proxy's address under that name. Switch the faults from the dashboard (the orders-chaos resource's commands).
var builder = DistributedApplication.CreateBuilder(args);

var orders = builder.AddProject<Projects.FaultLab_Samples_Orders>("orders")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health");

var chaos = orders.WithFaultProxy(FaultProfileFile.Load(Path.Combine(builder.AppHostDirectory, "chaos.json")), profileName: "flaky")
    .WithFaultProfile("outage", FaultProfileFile.Load(Path.Combine(builder.AppHostDirectory, "outage.json")));

builder.AddProject<Projects.FaultLab_Samples_Web>("web")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(chaos, "orders")
    .WaitFor(orders);

builder.Build().Run();
