using FaultLab.Load.NBomber.CSharp;

namespace Programs.Scenarios;

// Boarding a flight in three steps that hand data on three ways: a step's payload, context.Data, a captured variable.
public static class GateBoarding
{
    public static void Run()
    {
        var boarding = Scenario.Create("gate_boarding", async context =>
        {
            var scan = await Step.Run("scan_pass", context, async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
                return Response.Ok(payload: "seat 14C", sizeBytes: 8);
            });
            if (scan.Payload.IsSome())
            {
                context.Logger.Information(scan.Payload.Value);
            }

            await Step.Run("check_bags", context, async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
                context.Data["bags"] = 2;
                context.Data["lane"] = "priority";
                return Response.Ok();
            });
            context.Logger.Information($"bags: {context.Data["bags"]}");
            context.Logger.Information($"lane: {context.Data["lane"]}");

            var gate = "";
            await Step.Run("board", context, async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
                gate = "gate B7";
                return Response.Ok();
            });
            context.Logger.Information(gate);

            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.KeepConstant(copies: 1, during: TimeSpan.FromSeconds(20)));

        NBomberRunner.RegisterScenarios(boarding).Run();
    }
}
