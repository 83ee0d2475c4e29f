using FaultLab.Load.NBomber.CSharp;

namespace Programs.Simulations;

// Two services of a photo site loaded at the same time: registered scenarios run in parallel.
public static class MediaServices
{
    public static void Run()
    {
        var thumbnails = Scenario.Create("thumbnails", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400));
            return Response.Ok(statusCode: "201", sizeBytes: 2048); // one 2 KB thumbnail created
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.KeepConstant(6, TimeSpan.FromSeconds(20)));

        var metadata = Scenario.Create("metadata", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400));
            return Response.Ok(statusCode: "202");
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.RampingConstant(copies: 30, during: TimeSpan.FromSeconds(10)),
            Simulation.KeepConstant(copies: 30, during: TimeSpan.FromSeconds(10)));

        NBomberRunner.RegisterScenarios(thumbnails, metadata).Run();
    }
}
