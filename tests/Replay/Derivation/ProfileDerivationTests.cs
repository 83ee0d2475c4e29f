using System.Text.Json.Nodes;
using FaultLab.Load;
using FaultLab.Replay.Derivation;
using FaultLab.Replay.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Replay.Tests.Derivation;

public sealed class ProfileDerivationTests
{
    [Fact]
    public void Terminal_faults_get_conditional_rates_so_the_composed_shares_are_the_observed_ones()
    {
        // 100 calls: 50 × 503, 25 × 500, 25 × 200. Composed in order, 0.5 then 0.5 of the rest gives 50 % and 25 %.
        var calls = Enumerable.Range(0, 100).Select(i => new ObservedCall("api.test", "/a", i < 50 ? 503 : i < 75 ? 500 : 200, null,
            TimeSpan.FromMilliseconds(10 + i), i < 50 ? TimeSpan.FromSeconds(3) : null));

        var faults = ProfileDerivation.FromCalls(calls, new DeriveOptions { Seed = 5 }).ToJson()["FaultLab"]!;

        Assert.Equal(5, (int)faults["Seed"]!);
        var list = faults["Faults"]!.AsArray();
        Assert.Equal(["Latency", "Status", "Status"], list.Select(f => (string?)f!["Kind"]));
        Assert.Equal("00:00:00.0590000", (string?)list[0]!["P50"]); // nearest rank: the 50th of 10..109 ms
        Assert.Equal("00:00:00.1080000", (string?)list[0]!["P99"]);
        Assert.Equal((503, 0.5, "00:00:03"), ((int)list[1]!["StatusCode"]!, (double)list[1]!["InjectionRate"]!, (string?)list[1]!["RetryAfter"]));
        Assert.Equal((500, 0.5), ((int)list[2]!["StatusCode"]!, (double)list[2]!["InjectionRate"]!));
        Assert.Null(list[2]!["RetryAfter"]);
        Assert.All(list, f => Assert.Equal("""{"Hosts":["api.test"],"Paths":["/a"]}""", f!["Target"]!.ToJsonString()));
    }

    [Fact]
    public void Ids_fold_into_globs_that_never_match_a_literal_sibling()
    {
        ObservedCall Call(string path) => new("api.test", path, 200, null, TimeSpan.FromMilliseconds(5));
        string guid = Guid.NewGuid().ToString();

        var folded = ProfileDerivation.FromCalls([Call("/orders/1"), Call("/orders/2"), Call($"/users/{guid}/cart"), Call("/commits/9fceb02d0ae598e95dc970b74767f19372d61af8")]);
        var narrowed = ProfileDerivation.FromCalls([Call("/orders/17"), Call("/orders/42"), Call("/orders/recent"), Call("/orders/ab")]);

        Assert.Equal(["/commits/*", "/orders/*", "/users/*/cart"], folded.Endpoints.Select(e => e.Path));
        // /orders/* would match /orders/recent and /orders/ab; /orders/?? still matches /orders/ab: so the ids stay apart.
        Assert.Equal(["/orders/17", "/orders/42", "/orders/ab", "/orders/recent"], narrowed.Endpoints.Select(e => e.Path));
    }

    [Fact]
    public async Task A_load_result_gives_one_untargeted_endpoint_with_its_status_mix_and_percentiles()
    {
        using var directory = new TempDirectory();
        int call = 0;
        var scenario = Scenario.Create("orders", _ =>
            {
                int n = Interlocked.Increment(ref call);
                return Task.FromResult(n % 10 == 0 ? Response.Fail(503) : n % 25 == 0 ? Response.Fail() : Response.Ok(200));
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 200));
        var result = await LoadTest.RunAsync(new LoadTestOptions
        {
            ReportsFolder = directory.Path,
            ReportFormats = ReportFormats.Json,
            ConsoleOutput = ConsoleOutput.Silent,
        }, scenario);
        string json = Assert.Single(result.ReportFiles, f => f.EndsWith(".json", StringComparison.Ordinal));

        var derived = ProfileDerivation.FromFile(json);

        var endpoint = Assert.Single(derived.Endpoints);
        Assert.Equal(("*", "*", 200L), (endpoint.Host, endpoint.Path, endpoint.Calls));
        Assert.Equal(20, endpoint.Errors["503"]);
        Assert.Equal(4, endpoint.Errors["ConnectionReset"]); // 25, 75, 125, 175: failures without a status, no response
        Assert.Equal(TimeSpan.FromMilliseconds(result["orders"].Stats.Latency.P99Ms), endpoint.P99);
        var faults = derived.ToJson()["FaultLab"]!["Faults"]!.AsArray();
        Assert.All(faults, f => Assert.Null(f!["Target"]));
        Assert.Equal(0.1, (double)faults.Single(f => (int?)f!["StatusCode"] == 503)!["InjectionRate"]!);
        Assert.Equal(Math.Round(0.02 / 0.9, 6), (double)faults.Single(f => (string?)f!["Kind"] == "ConnectionReset")!["InjectionRate"]!);
    }

    [Fact]
    public async Task A_cassette_derives_per_endpoint_and_the_profile_validates_as_written()
    {
        using var directory = new TempDirectory();
        string cassette = directory.File("c.json");
        await HarArchive.ImportAsync(Path.Combine(AppContext.BaseDirectory, "Har", "Fixtures", "chrome.har"), cassette);

        var derived = ProfileDerivation.FromFile(cassette);

        Assert.Equal(["/logo.png", "/orders", "/orders/*"], derived.Endpoints.Select(e => e.Path));
        var nine = derived.Endpoints.Single(e => e.Path == "/orders/*");
        Assert.Equal(1, nine.Errors["503"]);
        Assert.Equal(TimeSpan.FromSeconds(2), nine.RetryAfter["503"]);
        string profile = directory.File("profile.json");
        await File.WriteAllTextAsync(profile, derived.ToJsonString());
        var options = FaultInjectionOptions.FromConfiguration(new ConfigurationBuilder().AddJsonFile(profile).Build().GetSection("FaultLab"));
        Assert.Empty(options.Validate());
        Assert.Equal(cassette, (string?)JsonNode.Parse(File.ReadAllText(profile))!["DerivedFrom"]!["Source"]);
    }

    [Theory]
    [InlineData("""{ "version": 1 }""", "is neither a cassette")]
    [InlineData("""{ "scenarios": [ { "name": "a" }, { "name": "b" } ] }""", "holds 2 scenarios (a, b); name the one to derive from")]
    [InlineData("""{ "scenarios": [ { "name": "a", "stats": {} } ] }""", "scenario 'a': not a FaultLab.Load result")]
    [InlineData("""{ "log": """, "is not valid JSON at line 1")]
    public void Input_that_is_not_traffic_is_refused_with_a_message_naming_the_file(string text, string expected)
    {
        using var directory = new TempDirectory();
        string path = directory.File("input.json");
        File.WriteAllText(path, text);

        var error = Assert.Throws<InvalidDataException>(() => ProfileDerivation.FromFile(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
