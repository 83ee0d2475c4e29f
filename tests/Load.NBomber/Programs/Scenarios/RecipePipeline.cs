using FaultLab.Load.NBomber.CSharp;

namespace Programs.Scenarios;

// Two steps per iteration; the second uses the first one's payload, and the iteration checks the result.
public static class RecipePipeline
{
    public static void Run()
    {
        var recipes = Scenario.Create("recipe_pipeline", async context =>
        {
            var fetched = await Step.Run("fetch_recipe", context, async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(400));
                return Response.Ok(payload: 4, sizeBytes: 48); // a recipe for four
            });

            var scaled = await Step.Run("scale_ingredients", context, async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(400));
                return Response.Ok(payload: fetched.Payload.Value * 3, sizeBytes: 48); // for a party of twelve
            });

            return scaled.Payload.Value == 12
                ? Response.Ok(statusCode: "200")
                : Response.Fail(statusCode: "422", message: $"scaled to {scaled.Payload.Value} servings");
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.RampingConstant(copies: 16, during: TimeSpan.FromSeconds(20)),
            Simulation.KeepConstant(copies: 16, during: TimeSpan.FromSeconds(20)));

        NBomberRunner.RegisterScenarios(recipes).Run();
    }
}
