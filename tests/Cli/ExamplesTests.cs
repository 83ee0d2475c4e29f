using System.Text.RegularExpressions;

namespace FaultLab.Cli.Tests;

/// <summary>Every shipped example, run through the CLI as a user runs it, ends with the exit code examples/README.md documents.</summary>
[FaultLab.Tests.Shared.MachineWideTiming]
public sealed class ExamplesTests
{
    public static TheoryData<string, int> Documented()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, exit) in Table())
        {
            data.Add(file, exit);
        }

        return data;
    }

    [Fact]
    public void Every_shipped_example_is_documented_with_its_exit_code()
    {
        var shipped = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.json").Select(f => Path.GetFileName(f)).Order().ToList();

        Assert.NotEmpty(shipped);
        Assert.Equal(shipped, Table().Select(row => row.File).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public async Task The_example_ends_with_its_documented_exit_code(string example, int documentedExit)
    {
        string reports = CliRun.TempFolder();

        var (exit, output, error) = await CliRun.RunAsync("run", CliRun.Example(example), "--report", reports);

        Assert.True(exit == documentedExit, $"{example}: exit {exit}, documented {documentedExit}\n{output}{error}");
        // Redirected output is never silent for more than 5 s, and the reports carry the experiment's name.
        Assert.Matches(@"(?m)^progress +5 s  experiment: \d+ calls, [\d.]+/s, success [\d.]+ %, p99 \d+ ms", output);
        Assert.True(File.Exists(Path.Combine(reports, Path.GetFileNameWithoutExtension(example) + ".html")), output);
    }

    private static IEnumerable<(string File, int Exit)> Table()
    {
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "README.md"));
        foreach (Match row in Regex.Matches(readme, @"^\| `(?<file>[^`]+\.json)` \|.*\| (?<exit>\d) \|\s*$", RegexOptions.Multiline))
        {
            yield return (row.Groups["file"].Value, int.Parse(row.Groups["exit"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
