using System.Text;
using System.Text.RegularExpressions;

namespace FaultLab.Cli.Tests;

/// <summary>
/// Any malformed experiment or profile file is bad input: exit 2 and one message that names the file and a JSON path
/// or one line/column position; never a stack trace, never exit 1 (which means "the hypothesis did not hold").
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string, string> Files() => new()
    {
        // Not a JSON object at the top.
        { "top-level array", "[1, 2]" },
        { "top-level empty array", "[]" },
        { "top-level string", "\"Faults\"" },
        { "top-level number", "42" },
        { "top-level true", "true" },
        { "top-level null", "null" },
        // Not JSON at all.
        { "empty file", "" },
        { "only whitespace", "  \n\t " },
        { "cut off", "{ \"Faults\": [" },
        { "trailing garbage", "{ } x" },
        { "two documents", "{ } { }" },
        { "missing comma", "{ \"Seed\": 1 \"Faults\": [] }" },
        { "single quotes", "{ 'Faults': [] }" },
        { "unquoted key", "{ Faults: [] }" },
        { "unterminated comment", "{ \"Faults\": [] /* the end" },
        { "unterminated string", "{ \"Faults\": \"abc }" },
        { "NaN literal", "{ \"Seed\": NaN }" },
        { "nested too deep", new string('[', 100) + new string(']', 100) is var deep ? "{ \"Faults\": " + deep + " }" : "" },
        { "duplicate key, another case", "{ \"Faults\": [ { \"Kind\": \"Hang\", \"kind\": \"Status\" } ] }" },
        { "duplicate key", "{ \"Seed\": 1, \"Seed\": 2, \"Faults\": [] }" },
        // A profile of the wrong shape.
        { "Faults is a string", "{ \"Faults\": \"Latency\" }" },
        { "Faults holds a number", "{ \"Faults\": [ 1 ] }" },
        { "Faults holds null", "{ \"Faults\": [ null ] }" },
        { "Faults holds an array", "{ \"Faults\": [ [ \"Status\" ] ] }" },
        { "a fault without a kind", "{ \"Faults\": [ { \"InjectionRate\": 0.1 } ] }" },
        { "Kind is a number", "{ \"Faults\": [ { \"Kind\": 5 } ] }" },
        { "Kind is an object", "{ \"Faults\": [ { \"Kind\": { \"Name\": \"Status\" } } ] }" },
        { "Seed is text", "{ \"Seed\": \"abc\", \"Faults\": [] }" },
        { "Enabled is a number", "{ \"Enabled\": 7, \"Faults\": [] }" },
        { "FaultLab is an array", "{ \"FaultLab\": [ 1 ] }" },
        { "FaultLab is a string", "{ \"FaultLab\": \"on\" }" },
        { "a rate that is text", "{ \"Faults\": [ { \"Kind\": \"Status\", \"StatusCode\": 503, \"InjectionRate\": \"often\" } ] }" },
        { "a status code that is huge", "{ \"Faults\": [ { \"Kind\": \"Status\", \"StatusCode\": 1e40 } ] }" },
        // An experiment of the wrong shape.
        { "Load is a number", "{ \"Load\": 5, \"FaultProfile\": { \"Faults\": [] } }" },
        { "Load is an array", "{ \"Load\": [ 20 ], \"FaultProfile\": { \"Faults\": [] } }" },
        { "Load.Rate is text", "{ \"Load\": { \"Rate\": \"fast\" }, \"FaultProfile\": { \"Faults\": [] } }" },
        { "Load.Duration in seconds", "{ \"Load\": { \"Duration\": \"5s\" }, \"FaultProfile\": { \"Faults\": [] } }" },
        { "Load.MaxConcurrency beyond int", "{ \"Load\": { \"MaxConcurrency\": 99999999999 }, \"FaultProfile\": { \"Faults\": [] } }" },
        { "Hypothesis is an array", "{ \"Hypothesis\": [ 0.99 ], \"FaultProfile\": { \"Faults\": [] } }" },
        { "Hypothesis.MinSuccessRate is text", "{ \"Hypothesis\": { \"MinSuccessRate\": \"high\" }, \"FaultProfile\": { \"Faults\": [] } }" },
        { "FaultProfile is an array", "{ \"Load\": { }, \"FaultProfile\": [ { \"Kind\": \"Hang\" } ] }" },
        { "FaultProfile is a string", "{ \"Load\": { }, \"FaultProfile\": \"chaos.json\" }" },
        { "Resilience is an object", "{ \"Resilience\": { \"Retry\": 3 }, \"FaultProfile\": { \"Faults\": [] } }" },
        { "Resilience is an array", "{ \"Resilience\": [ \"Standard\" ], \"FaultProfile\": { \"Faults\": [] } }" },
        { "Target is an object", "{ \"Target\": { \"Host\": \"127.0.0.1\" }, \"FaultProfile\": { \"Faults\": [] } }" },
        { "Target is a number", "{ \"Target\": 8080, \"FaultProfile\": { \"Faults\": [] } }" },
        { "Path is an array", "{ \"Path\": [ \"/orders\" ], \"FaultProfile\": { \"Faults\": [] } }" },
        { "an unknown experiment setting", "{ \"Load\": { }, \"Hypothesys\": { }, \"FaultProfile\": { \"Faults\": [] } }" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Validate_says_where_and_exits_2(string what, string content)
    {
        string path = CliRun.TempFile(content);

        var (exit, output, error) = await CliRun.RunAsync("validate", path);

        AssertBadInput(what, path, exit, output, error);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Run_says_where_and_exits_2_before_any_load(string what, string content)
    {
        string path = CliRun.TempFile(content);

        var (exit, output, error) = await CliRun.RunAsync("run", path, "--report", CliRun.TempFolder());

        AssertBadInput(what, path, exit, output, error);
        Assert.DoesNotContain("Running ", output); // rejected before the load started
    }

    [Fact]
    public async Task Invalid_UTF8_is_a_syntax_error_with_one_position()
    {
        string path = CliRun.TempFile(string.Empty);
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{ \"Seed\": \""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\" }")]);

        var (exit, output, error) = await CliRun.RunAsync("validate", path);

        AssertBadInput("invalid UTF-8", path, exit, output, error);
    }

    [Fact]
    public async Task A_syntax_error_shows_one_position_1_based()
    {
        string path = CliRun.TempFile("{\n  \"Faults\": [ , ]\n}");

        var (_, _, error) = await CliRun.RunAsync("validate", path);

        Assert.Matches($@"^error: {Regex.Escape(path)}\(2,15\): invalid JSON: [^\r\n]*\r?\n?$", error);
        Assert.DoesNotContain("LineNumber", error);
        Assert.DoesNotContain("BytePositionInLine", error);
    }

    [Fact]
    public async Task A_top_level_array_names_the_root()
    {
        string path = CliRun.TempFile("[ { \"Kind\": \"Hang\" } ]");

        var (exit, _, error) = await CliRun.RunAsync("validate", path);

        Assert.Equal(2, exit);
        Assert.Equal($"error: {path}: $: the top level must be a JSON object {{ ... }} (was an array).", error.Trim());
    }

    [Fact]
    public async Task A_folder_is_not_a_file()
    {
        string folder = CliRun.TempFolder();

        var (exit, _, error) = await CliRun.RunAsync("validate", folder);

        Assert.Equal(2, exit);
        Assert.Equal($"error: {folder}: is a folder, not a JSON file.", error.Trim());
    }

    private static void AssertBadInput(string what, string path, int exit, string output, string error)
    {
        string all = output + error;
        Assert.True(exit == 2, $"{what}: exit {exit}\n{all}");
        Assert.True(error.Contains(path, StringComparison.Ordinal), $"{what}: the message does not name the file\n{all}");
        Assert.True(Regex.IsMatch(error, @"\(\d+,\d+\): invalid JSON|\$[.\[:]"), $"{what}: no JSON path or line/column\n{all}");
        Assert.True(!Regex.IsMatch(all, @"^\s+at \S+\(", RegexOptions.Multiline) && !all.Contains("Exception:", StringComparison.Ordinal),
            $"{what}: a stack trace or raw exception reached the user\n{all}");
        Assert.DoesNotContain("LineNumber:", all);
    }
}
