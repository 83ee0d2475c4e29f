using FaultLab.Load.NBomber.CSharp;

namespace Programs.Simulations;

// Chat clients hold a connection and send one message after another: a closed model that ramps up, then holds.
public static class ChatConnections
{
    private const int Clients = 24;

    public static void Run()
    {
        var chat = Scenario.Create("chat_clients", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // a message round trip
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.RampingConstant(copies: Clients, during: TimeSpan.FromSeconds(20)),
            Simulation.KeepConstant(copies: Clients, during: TimeSpan.FromSeconds(20)));

        NBomberRunner.RegisterScenarios(chat).Run();
    }
}
