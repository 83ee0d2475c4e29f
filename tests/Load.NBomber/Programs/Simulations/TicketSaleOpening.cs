using FaultLab.Load.NBomber.CSharp;

namespace Programs.Simulations;

// A concert ticket sale: buyers arrive faster and faster, the rush holds, then it turns bursty (three open-model phases).
public static class TicketSaleOpening
{
    public static void Run()
    {
        var buyers = Scenario.Create("ticket_buyers", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.RampingInject(rate: 30, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(40)),
            Simulation.Inject(rate: 30, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(20)),
            Simulation.InjectRandom(minRate: 5, maxRate: 25, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(20)));

        NBomberRunner.RegisterScenarios(buyers).Run();
    }
}
