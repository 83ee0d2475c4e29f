using FaultLab.Load.NBomber.CSharp;

namespace Programs.Scenarios;

// An import job: the staging table is created before the load and dropped after it.
public static class NightlyImport
{
    public static void Run()
    {
        var import = Scenario.Create("nightly_import", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250)); // one batch of rows
            return Response.Ok(sizeBytes: 512);
        })
        .WithInit(context =>
        {
            context.Logger.Information("staging table created");
            return Task.CompletedTask;
        })
        .WithClean(context =>
        {
            context.Logger.Information("staging table dropped");
            return Task.CompletedTask;
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.KeepConstant(copies: 2, during: TimeSpan.FromSeconds(5)));

        NBomberRunner.RegisterScenarios(import).Run();
    }
}
