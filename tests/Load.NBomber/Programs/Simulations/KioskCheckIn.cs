using FaultLab.Load.NBomber.CSharp;

namespace Programs.Simulations;

// Airport check-in kiosks: travellers keep arriving at a steady rate however long a kiosk takes to print (an open model).
public static class KioskCheckIn
{
    public static void Run()
    {
        var checkIn = Scenario.Create("kiosk_check_in", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300)); // printing the boarding pass
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            // 40 travellers every half second for 20 seconds: 1 600 check-ins
            Simulation.Inject(rate: 40, interval: TimeSpan.FromMilliseconds(500), during: TimeSpan.FromSeconds(20)));

        NBomberRunner.RegisterScenarios(checkIn).Run();
    }
}
