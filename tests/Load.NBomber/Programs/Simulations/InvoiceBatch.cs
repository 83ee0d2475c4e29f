using FaultLab.Load.NBomber.CSharp;

namespace Programs.Simulations;

// A month-end batch renders a fixed number of invoices with a fixed pool of workers, however long it takes.
public static class InvoiceBatch
{
    public static void Run()
    {
        var render = Scenario.Create("render_invoices", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(150));
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.IterationsForConstant(copies: 20, iterations: 600));

        NBomberRunner.RegisterScenarios(render).Run();
    }
}
