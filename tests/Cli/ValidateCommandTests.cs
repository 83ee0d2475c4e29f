namespace FaultLab.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Theory]
    [InlineData("outage-with-fallback.json")]
    [InlineData("retry-through-503s.json")]
    public async Task The_shipped_examples_are_valid_experiments(string example)
    {
        var (exit, output, _) = await CliRun.RunAsync("validate", CliRun.Example(example));

        Assert.Equal(0, exit);
        Assert.Contains("valid experiment", output);
    }

    [Fact]
    public async Task An_experiment_written_in_camelCase_is_recognised_as_one_like_every_other_key()
    {
        string path = CliRun.TempFile("""
        { "load": { "rate": 5, "duration": "00:00:01" }, "faultProfile": { "faults": [ { "kind": "Hang", "injectionRate": 0.1 } ] } }
        """);

        var (exit, output, error) = await CliRun.RunAsync("validate", path);

        Assert.True(exit == 0, error);
        Assert.Contains("valid experiment (1 faults)", output);
    }

    [Fact]
    public async Task A_valid_profile_under_a_FaultLab_member_is_recognised()
    {
        string path = CliRun.TempFile("""{ "FaultLab": { "Faults": [ { "Kind": "Hang", "InjectionRate": 0.1 } ] } }""");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        Assert.Equal(0, exit);
        Assert.Contains("valid fault profile (1 faults)", output);
    }

    [Fact]
    public async Task Every_problem_is_printed_with_its_JSON_path_and_exit_code_2()
    {
        string path = CliRun.TempFile("""
        {
          "Load": { "Rate": -5, "Duration": "00:00:10" },
          "FaultProfile": { "Faults": [
            { "Kind": "Status", "StatusCode": 302 },
            { "Kind": "Warp" },
            { "Kind": "Latency", "InjectionRate": 3, "Delay": "00:00:01" }
          ] }
        }
        """);

        var (exit, _, error) = await CliRun.RunAsync("validate", path);

        Assert.Equal(2, exit);
        Assert.Contains("$.Load.Rate: must be positive (was -5)", error);
        Assert.Contains("$.FaultProfile.Faults[0].StatusCode: must be an error status from 400 to 599 (was 302).", error);
        Assert.Contains("$.FaultProfile.Faults[1].Kind: unknown fault kind 'Warp'", error);
        Assert.Contains("$.FaultProfile.Faults[2].InjectionRate: must be between 0 and 1 inclusive (was 3).", error);
        Assert.Contains("4 problem(s)", error);
    }

    [Fact]
    public async Task A_hypothesis_that_can_never_be_checked_is_rejected_with_its_JSON_path()
    {
        string path = CliRun.TempFile("""
        { "Hypothesis": { "MinSuccessRate": "NaN", "MaxP99": "-00:00:01", "MaxDropped": -1 }, "FaultProfile": { "Faults": [] } }
        """);

        var (exit, _, error) = await CliRun.RunAsync("validate", path);

        Assert.Equal(2, exit);
        Assert.Contains("$.Hypothesis.MinSuccessRate: must be between 0 and 1 inclusive (was NaN).", error);
        Assert.Contains("$.Hypothesis.MaxP99: must not be negative", error);
        Assert.Contains("$.Hypothesis.MaxDropped: must not be negative (was -1).", error);
    }

    [Fact]
    public async Task A_syntax_error_names_line_and_column()
    {
        string path = CliRun.TempFile("{\n  \"Faults\": [\n    { \"Kind\": \"Hang\" \n    { }\n  ]\n}");

        var (exit, _, error) = await CliRun.RunAsync("validate", path);

        Assert.Equal(2, exit);
        Assert.Matches(@"\(4,5\): invalid JSON", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_missing_file_is_one_clear_line_and_exit_code_2()
    {
        var (exit, _, error) = await CliRun.RunAsync("validate", "/nonexistent/profile.json");

        Assert.Equal(2, exit);
        Assert.Equal("error: /nonexistent/profile.json: file not found.", error.Trim());
    }

    [Fact]
    public async Task Unknown_options_are_bad_input()
    {
        var (exit, _, error) = await CliRun.RunAsync("demo", "--speed", "11");

        Assert.Equal(2, exit);
        Assert.Contains("--speed", error);
    }

    [Fact]
    public async Task Every_command_has_help()
    {
        foreach (string command in new[] { "demo", "run", "validate", "proxy" })
        {
            var (exit, output, _) = await CliRun.RunAsync(command, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("Usage:", output);
        }
    }
}
