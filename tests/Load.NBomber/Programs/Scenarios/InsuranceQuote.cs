using FaultLab.Load.NBomber.CSharp;

namespace Programs.Scenarios;

// The quote page gives the rating engine 250 ms; the engine needs 800 ms, so every quote hits the deadline.
public static class InsuranceQuote
{
    public static void Run()
    {
        var quote = Scenario.Create("insurance_quote", async context =>
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));
            await Task.Delay(TimeSpan.FromMilliseconds(800), deadline.Token);
            return Response.Ok(statusCode: "200");
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.KeepConstant(copies: 20, during: TimeSpan.FromSeconds(10)));

        NBomberRunner.RegisterScenarios(quote).Run();
    }
}
