using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.CSharp;

namespace Programs.Scenarios;

// The card issuer declines three times before it authorises; the iteration retries the step instead of restarting,
// which needs WithRestartIterationOnFail(false).
public static class CardPayment
{
    public static void Run()
    {
        var payment = Scenario.Create("card_payment", async context =>
        {
            var attempt = 0;
            Response<string> authorisation;
            do
            {
                authorisation = await Step.Run("authorise_card", context, async () =>
                {
                    attempt++;
                    await Task.Delay(TimeSpan.FromMilliseconds(100));
                    return attempt < 4
                        ? Response.Fail<string>(statusCode: "402", message: "declined")
                        : Response.Ok(payload: $"AUTH-{attempt}");
                });
            }
            while (authorisation.IsError);

            return Response.Ok(statusCode: "200");
        })
        .WithRestartIterationOnFail(false)
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.KeepConstant(copies: 2, during: TimeSpan.FromSeconds(15)));

        NBomberRunner.RegisterScenarios(payment).Run();
    }
}
