using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.CSharp;

namespace Catalogue.LoadTest;

// A library catalogue browsed by four readers with plain HttpClient calls (a new client per visit), and its retired
// archive, which answers 410 Gone: that scenario would probe it for two minutes but gives up after twelve failures.
public static class CatalogueBrowsing
{
    public static ScenarioProps Browse()
    {
        var siteUrl = LocalSite.Url;

        return Scenario.Create("browse_catalogue", async context =>
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync($"{siteUrl}/catalogue");
            if (!response.IsSuccessStatusCode)
            {
                Console.WriteLine($"catalogue answered {(int)response.StatusCode}");
                return Response.Fail(message: $"catalogue answered {(int)response.StatusCode}");
            }

            var page = await response.Content.ReadAsByteArrayAsync();
            return Response.Ok(statusCode: "200", sizeBytes: page.Length);
        })
        .WithWarmUpDuration(TimeSpan.FromSeconds(4))
        .WithLoadSimulations(Simulation.KeepConstant(4, TimeSpan.FromSeconds(15)));
    }

    // One client for every archive visit: the archive is probed as fast as it answers.
    private static readonly HttpClient ArchiveClient = new();

    public static ScenarioProps BrowseArchive()
    {
        var siteUrl = LocalSite.Url;

        return Scenario.Create("browse_archive", async context =>
        {
            using var response = await ArchiveClient.GetAsync($"{siteUrl}/status/410");
            return response.IsSuccessStatusCode
                ? Response.Ok()
                : Response.Fail(statusCode: ((int)response.StatusCode).ToString(), message: "the archive is gone");
        })
        .WithoutWarmUp()
        .WithMaxFailCount(12)
        .WithLoadSimulations(Simulation.KeepConstant(copies: 1, during: TimeSpan.FromMinutes(2)));
    }
}
