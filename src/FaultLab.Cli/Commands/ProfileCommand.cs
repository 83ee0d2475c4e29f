using System.CommandLine;
using FaultLab.Cli.Experiments;
using FaultLab.Replay;
using FaultLab.Replay.Derivation;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Cli.Commands;

/// <summary>
/// <c>faultlab profile derive SOURCE [--out FILE] [--seed N] [--scenario NAME]</c>: a fault profile that reproduces
/// the error mix and latency of captured traffic (a cassette, a HAR file or a FaultLab.Load JSON result).
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(CliConsole console)
    {
        var source = new Argument<string>("source") { Description = "A cassette, a HAR file, or a FaultLab.Load JSON result." };
        var output = new Option<string?>("--out") { Description = "Write the profile here (default: print it)." };
        var seed = new Option<int>("--seed") { Description = "The profile's seed (default 42).", DefaultValueFactory = _ => 42 };
        var scenario = new Option<string?>("--scenario") { Description = "The scenario of a load result that has several." };
        var derive = new Command("derive", "Derive a fault profile reproducing the error mix and latency of captured traffic.")
        {
            source, output, seed, scenario,
        };
        derive.SetAction(parse => Derive(console, parse.GetValue(source)!, parse.GetValue(output), parse.GetValue(seed), parse.GetValue(scenario)));
        return new Command("profile", "Work with fault profiles.") { derive };
    }

    public static int Derive(CliConsole console, string source, string? output, int seed, string? scenario) => console.Guard(() =>
    {
        if (!File.Exists(source))
        {
            throw new InputException($"{source}: no such file.");
        }

        DerivedProfile derived;
        try
        {
            derived = ProfileDerivation.FromFile(source, new DeriveOptions { Seed = seed, Scenario = scenario });
        }
        catch (Exception ex) when (ex is InvalidDataException or CassetteFormatException or HarFormatException)
        {
            throw new InputException(ex.Message);
        }

        string json = derived.ToJsonString();
        // The profile must bind as written; a derivation that produced an invalid one is a bug, not bad input.
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        if (FaultInjectionOptions.FromConfiguration(configuration.GetSection("FaultLab")).Validate() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"The derived profile does not validate: {string.Join("; ", errors)}");
        }

        if (output is null)
        {
            console.Out.Write(json);
            return ExitCodes.Ok;
        }

        File.WriteAllText(output, json);
        console.Out.WriteLine($"{output}: {derived.Endpoints.Sum(e => e.Calls)} calls from {source}, seed {seed}:");
        foreach (var endpoint in derived.Endpoints)
        {
            string errorMix = endpoint.Errors.Count == 0 ? "no errors"
                : string.Join(", ", endpoint.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {100.0 * e.Value / endpoint.Calls:0.##}%"));
            console.Out.WriteLine($"  {endpoint.Host}{(endpoint.Path == "*" ? "" : endpoint.Path)}: {endpoint.Calls} calls, {errorMix}; "
                + $"p50 {endpoint.P50.TotalMilliseconds:0.#} ms, p99 {endpoint.P99.TotalMilliseconds:0.#} ms");
        }

        return ExitCodes.Ok;
    });
}
