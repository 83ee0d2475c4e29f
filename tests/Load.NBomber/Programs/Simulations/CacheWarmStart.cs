using FaultLab.Load.NBomber.CSharp;

namespace Programs.Simulations;

// Traffic starts only after the cache had five seconds to fill: a pause first, which the statistics do not count.
public static class CacheWarmStart
{
    public static void Run()
    {
        var reads = Scenario.Create("cache_reads", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.Pause(during: TimeSpan.FromSeconds(5)),
            Simulation.RampingConstant(copies: 12, during: TimeSpan.FromSeconds(10)),
            Simulation.KeepConstant(copies: 12, during: TimeSpan.FromSeconds(10)));

        NBomberRunner.RegisterScenarios(reads).Run();
    }
}
