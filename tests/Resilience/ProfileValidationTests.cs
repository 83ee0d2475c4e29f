using System.Text;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Tests;

/// <summary>Profile validation reports every problem at once, each with its path, and misses none that would make a
/// fault silently never fire or make telemetry ambiguous.</summary>
public sealed class ProfileValidationTests
{
    [Fact]
    public void A_typo_inside_a_fault_names_the_key_and_the_settings_the_kind_knows()
    {
        var errors = Validate("""{ "Kind": "Status", "InjectonRate": 0.5 }""");

        var error = Assert.Single(errors);
        Assert.StartsWith("FaultLab:Faults:0:InjectonRate: unknown setting; known: ", error);
        Assert.Contains("InjectionRate", error);
        Assert.Contains("StatusCode", error);
        Assert.Contains("Kind", error);
    }

    [Fact]
    public void A_conversion_error_hides_none_of_the_same_faults_other_problems()
    {
        var errors = Validate("""{ "Kind": "Latency", "InjectionRate": "abc", "Delay": "5s", "Schedule": { "Up": "00:00:01" } }""");

        Assert.Equal(
        [
            "FaultLab:Faults:0:Delay: '5s' is not a TimeSpan: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 for 5 seconds or 00:00:00.250 for 250 ms.",
            "FaultLab:Faults:0:InjectionRate: 'abc' is not a number (a dot for decimals, for example 0.25).",
            "FaultLab:Faults:0:Schedule:Down: flapping needs a positive Down period (was missing).",
            "FaultLab:Faults:0:Delay: a latency fault needs a delay: Delay, or Min and Max, or P50 and P99.",
        ], errors);
    }

    [Theory]
    [InlineData("\"\"", "FaultLab:Faults:0:Target:Headers:: '' is not a request header name a target can match.")]
    [InlineData("\"X Api Key\"", "FaultLab:Faults:0:Target:Headers:X Api Key: 'X Api Key' is not a request header name a target can match.")]
    [InlineData("\"Content-Type\"", "FaultLab:Faults:0:Target:Headers:Content-Type: 'Content-Type' is not a request header name a target can match.")]
    public void A_header_target_that_no_request_can_match_is_refused(string name, string expected)
    {
        var errors = Validate($$"""{ "Kind": "Hang", "Target": { "Headers": { {{name}}: "v" } } }""");

        Assert.Equal(expected, Assert.Single(errors));
    }

    [Fact]
    public void Two_faults_of_one_name_are_refused_because_telemetry_could_not_tell_them_apart()
    {
        var errors = Validate("""{ "Kind": "Hang", "Name": "blip" }, { "Kind": "DnsFailure", "Name": "blip" }""");

        Assert.Equal("FaultLab:Faults:1:Name: 'blip' already names FaultLab:Faults:0; each fault needs its own name.", Assert.Single(errors));
    }

    [Fact]
    public void Every_problem_of_every_fault_is_reported_in_one_run()
    {
        var errors = Validate("""
            { "Kind": "Status", "StatusCode": 200, "RetryAfter": "2 seconds", "Name": "a" },
            { "Kind": "Teleport" },
            { "Kind": "RateLimit", "PermitLimit": "many", "Window": "00:00:00", "Name": "a" }
            """);

        Assert.Equal(
        [
            "FaultLab:Faults:0:RetryAfter: '2 seconds' is not a TimeSpan",
            "FaultLab:Faults:1:Kind: unknown fault kind 'Teleport'",
            "FaultLab:Faults:2:PermitLimit: 'many' is not a whole number.",
            "FaultLab:Faults:0:StatusCode: must be an error status from 400 to 599 (was 200).",
            "FaultLab:Faults:2:PermitLimit: must be positive (was 0).",
            "FaultLab:Faults:2:Window: must be positive (was 00:00:00).",
            "FaultLab:Faults:2:Name: 'a' already names FaultLab:Faults:0",
        ], errors.Select(e => e.Split(';')[0].Split(": write")[0]));
    }

    [Fact]
    public void A_file_that_is_an_array_or_broken_JSON_says_so_with_one_position()
    {
        string array = TempFile("""[ { "Kind": "Hang" } ]""");
        string broken = TempFile("{\n  \"Faults\": [\n    { \"Kind\": \"Hang\" },\n  }\n}");

        var notAnObject = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(array));
        var syntax = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(broken));

        Assert.Equal("$: must be a JSON object { ... } (was an array).", Assert.Single(notAnObject.Errors));
        Assert.Matches(@"^.+\(4,3\): invalid JSON: [^\d]*$", Assert.Single(syntax.Errors)); // line 4, column 3; no second, 0-based position
    }

    [Fact]
    public void A_profile_file_names_each_setting_by_its_JSON_path()
    {
        string file = TempFile("""{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 302 } ] } }""");

        var error = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(file));

        Assert.Equal("$.FaultLab.Faults[0].StatusCode: must be an error status from 400 to 599 (was 302).", Assert.Single(error.Errors));
    }

    private static IReadOnlyList<string> Validate(string faults)
    {
        var root = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "FaultLab": { "Faults": [ {{faults}} ] } }""")))
            .Build();
        return FaultInjectionOptions.FromConfiguration(root.GetSection("FaultLab")).Validate();
    }

    private static string TempFile(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"faultlab-profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
