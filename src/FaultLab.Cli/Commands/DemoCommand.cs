using System.CommandLine;
using FaultLab.Cli.Demo;
using FaultLab.Cli.Experiments;
using FaultLab.Cli.Output;

namespace FaultLab.Cli.Commands;

/// <summary>
/// <c>faultlab demo</c>: starts the embedded API, drives the same load against three client set-ups while the
/// default chaos fires, and ends with one comparison table and the path of an HTML report.
/// </summary>
internal static class DemoCommand
{
    public static readonly ClientResilience[] SetUps = [ClientResilience.None, ClientResilience.Standard, ClientResilience.StandardWithFallback];

    public static Command Create(CliConsole console)
    {
        var duration = new Option<int>("--duration") { Description = "Seconds of load (default 30).", DefaultValueFactory = _ => 30 };
        var rate = new Option<double>("--rate") { Description = "Requests per second for each set-up (default 20).", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fault sequence (default 42).", DefaultValueFactory = _ => 42 };
        var report = new Option<string>("--report") { Description = "Folder for the reports (default ./faultlab-report).", DefaultValueFactory = _ => "faultlab-report" };
        var command = new Command("demo", "Run the embedded demo: three client set-ups under the same chaos, side by side.")
        {
            duration, rate, seed, report,
        };
        command.SetAction((parse, token) => RunAsync(console, new DemoSettings(
            TimeSpan.FromSeconds(parse.GetValue(duration)), parse.GetValue(rate), parse.GetValue(seed), parse.GetValue(report)!), token));
        return command;
    }

    public static Task<int> RunAsync(CliConsole console, DemoSettings settings, CancellationToken cancellationToken) => console.Guard(async () =>
    {
        if (settings.Duration <= TimeSpan.Zero || settings.Duration > TimeSpan.FromMinutes(30))
        {
            throw new InputException($"--duration: must be between 1 and 1800 seconds (was {settings.Duration.TotalSeconds}).");
        }

        if (double.IsNaN(settings.Rate) || settings.Rate <= 0 || settings.Rate > 5000)
        {
            throw new InputException($"--rate: must be above 0 and at most 5000 (was {settings.Rate}).");
        }

        await using var api = await DemoApi.StartAsync(cancellationToken).ConfigureAwait(false);

        // The server kills tokens a third of the run after first use; clients were told they last 5 % of the run longer.
        api.AnnouncedTokenLifetime = (settings.Duration / 3) + (settings.Duration * 0.05);
        var clients = SetUps.Select(s => new ClientUnderTest(Name(s), s, f => DemoProfile.Configure(f, settings.Duration, settings.Seed, settings.Rate))).ToList();
        console.Out.WriteLine($"FaultLab demo: dependency at {api.BaseAddress}, {settings.Rate}/s per set-up for {settings.Duration.TotalSeconds} s, seed {settings.Seed}.");
        console.Out.WriteLine("Chaos: long-tailed latency, 503 bursts with Retry-After, a server rate limit (429), a DNS blip, an outage window, token expiry.");

        var plan = new ExperimentPlan(api.BaseAddress, new Uri(api.BaseAddress, "/token"), clients, "/orders/{n}", settings.Rate,
            settings.Duration, MaxConcurrency: 1000, Thresholds: [], settings.ReportFolder, "faultlab-demo", console.Interactive);
        var outcome = await ExperimentRunner.RunAsync(plan, cancellationToken).ConfigureAwait(false);

        ComparisonTable.Write(console, clients, outcome);
        console.Out.WriteLine($"The dependency saw {api.Requests} requests in all.");
        await MatrixCommand.RunSetUpsAsync(console, api, null, "/orders/1", [.. SetUps.Select(s => (Name(s), s))], cancellationToken).ConfigureAwait(false);
        foreach (string file in outcome.Result.ReportFiles.Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            console.Out.WriteLine($"HTML report: {Path.GetFullPath(file)}");
        }

        return ExitCodes.Ok;
    });

    public static string Name(ClientResilience resilience) => resilience switch
    {
        ClientResilience.None => "bare",
        ClientResilience.Standard => "standard",
        _ => "resilient",
    };
}

/// <summary>The demo's options.</summary>
internal sealed record DemoSettings(TimeSpan Duration, double Rate, int Seed, string ReportFolder);
