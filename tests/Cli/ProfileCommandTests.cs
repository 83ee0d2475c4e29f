namespace FaultLab.Cli.Tests;

public sealed class ProfileCommandTests
{
    private const string Capture = """
        { "version": 1, "interactions": [
          { "request": { "method": "GET", "uri": "http://127.0.0.1:5080/orders/1", "headers": {} }, "response": { "status": 200, "headers": {} }, "durationMs": 20 },
          { "request": { "method": "GET", "uri": "http://127.0.0.1:5080/orders/2", "headers": {} }, "response": { "status": 503, "headers": { "Retry-After": "2" } }, "durationMs": 40 },
          { "request": { "method": "GET", "uri": "http://127.0.0.1:5080/orders/3", "headers": {} }, "response": { "status": 200, "headers": {} }, "durationMs": 30 },
          { "request": { "method": "GET", "uri": "http://127.0.0.1:5080/orders/4", "headers": {} }, "response": { "status": 200, "headers": {} }, "durationMs": 90 } ] }
        """;

    [Fact]
    public async Task Derive_writes_a_profile_that_validate_accepts_and_prints_what_it_saw()
    {
        string capture = CliRun.TempFile(Capture);
        string profile = Path.Combine(CliRun.TempFolder(), "derived.json");

        var (exit, output, error) = await CliRun.RunAsync("profile", "derive", capture, "--out", profile, "--seed", "7");

        Assert.True(exit == 0, error);
        Assert.Contains($"{profile}: 4 calls from {capture}, seed 7:", output, StringComparison.Ordinal);
        Assert.Contains("  127.0.0.1/orders/*: 4 calls, 503 25%; p50 30 ms, p99 90 ms", output, StringComparison.Ordinal);
        var (validExit, validOutput, _) = await CliRun.RunAsync("validate", profile);
        Assert.Equal(0, validExit);
        Assert.Contains("valid fault profile (2 faults)", validOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_out_the_profile_goes_to_standard_output()
    {
        var (exit, output, _) = await CliRun.RunAsync("profile", "derive", CliRun.TempFile(Capture));

        Assert.Equal(0, exit);
        Assert.Contains("\"Kind\": \"Status\"", output, StringComparison.Ordinal);
        Assert.Contains("\"InjectionRate\": 0.25", output, StringComparison.Ordinal);
        Assert.Contains("\"Seed\": 42", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "neither": true }""", "is neither a cassette")]
    [InlineData("""{ "version": 1, "interactions": [ { "request": { "method": "GET", "uri": "nope" }, "response": { "status": 200 } } ] }""", "is not an absolute http(s) URL")]
    public async Task Bad_input_exits_2_with_one_line_and_no_stack_trace(string content, string expected)
    {
        var (exit, _, error) = await CliRun.RunAsync("profile", "derive", CliRun.TempFile(content));

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var (exit, _, error) = await CliRun.RunAsync("profile", "derive", "/nonexistent/capture.har");

        Assert.Equal(2, exit);
        Assert.Equal("error: /nonexistent/capture.har: no such file.", error.Trim());
    }
}
