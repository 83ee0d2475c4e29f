namespace FaultLab.Cli.Tests;

public sealed class MatrixCommandTests
{
    [Fact]
    public async Task Without_an_argument_it_judges_the_demo_s_three_set_ups_side_by_side_and_exits_0()
    {
        string reports = CliRun.TempFolder();

        var (exit, output, error) = await CliRun.RunAsync("matrix", "--report", reports);

        Assert.True(exit == 0, output + error);
        Assert.Contains("| fault | bare | standard | resilient |", output);
        Assert.Contains("| 1-minute outage (refused) | failed (HttpRequestException, 1×, 0 s) | failed (HttpRequestException, 4×,", output);
        Assert.Contains("| expired token | failed (401, 1×, 0 s) | failed (401, 1×, 0 s) | survived (200, 2×, 0 s) |", output);
        Assert.Contains("| 2. no blind retry of POST/PATCH | pass | FAIL | FAIL |", output);
        Assert.Contains("| 5. stops hammering an outage | FAIL | pass | pass |", output);
        Assert.Contains("Every expectation held.", output);
        string html = await File.ReadAllTextAsync(Path.Combine(reports, "faultlab-matrix.html"));
        Assert.Contains("<th>resilient</th>", html);
        Assert.True(File.Exists(Path.Combine(reports, "faultlab-matrix.md")));
    }

    [Fact]
    public async Task An_experiment_whose_preset_does_not_keep_its_promise_exits_1_naming_the_rows()
    {
        // The embedded API has no /missing: every answer is a 404, so the standard preset survives nothing.
        string experiment = CliRun.TempFile("""{ "Resilience": "Standard", "Path": "/missing", "FaultProfile": { "Faults": [] } }""");

        var (exit, output, _) = await CliRun.RunAsync("matrix", experiment, "--report", CliRun.TempFolder());

        Assert.Equal(1, exit);
        Assert.Contains("NOT AS EXPECTED  experiment, 503 once: expected Survived, was Failed (404)", output);
        Assert.Contains("expectations did NOT hold.", output);
    }

    [Fact]
    public async Task Bad_input_exits_2_with_a_message_and_no_stack_trace()
    {
        var (missing, _, missingError) = await CliRun.RunAsync("matrix", "/nonexistent/experiment.json");
        var (profile, _, profileError) = await CliRun.RunAsync("matrix", CliRun.TempFile("""{ "Faults": [] }"""));
        var (invalid, _, invalidError) = await CliRun.RunAsync("matrix", CliRun.TempFile("""{ "Resilience": "Sometimes", "FaultProfile": { "Faults": [] } }"""));

        Assert.Equal(2, missing);
        Assert.StartsWith("error: ", missingError);
        Assert.Equal(2, profile);
        Assert.Contains("is a fault profile, not an experiment", profileError);
        Assert.Equal(2, invalid);
        Assert.Contains("Resilience", invalidError);
        Assert.DoesNotContain("   at ", invalidError + missingError);
    }
}
