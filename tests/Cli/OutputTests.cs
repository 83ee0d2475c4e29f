using System.Diagnostics;
using FaultLab.Cli.Commands;
using FaultLab.Cli.Output;
using FaultLab.Load;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Cli.Tests;

/// <summary>What a newcomer reads first: help, usage lines, progress in CI, where reports go and what they are called.</summary>
public sealed class OutputTests
{
    [Fact]
    public async Task Bare_faultlab_shows_the_help_and_succeeds()
    {
        var (exit, output, error) = await CliRun.RunAsync();

        Assert.True(exit == 0, error);
        Assert.Contains("Usage:\n  faultlab [command] [options]", output.ReplaceLineEndings("\n"));
        foreach (string command in new[] { "demo", "run", "validate", "proxy" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s", output);
        }
    }

    [Theory]
    [InlineData("demo", "faultlab demo [options]")]
    [InlineData("run", "faultlab run <experiment> [options]")]
    [InlineData("validate", "faultlab validate <file> [options]")]
    [InlineData("proxy", "faultlab proxy [options]")]
    public async Task Usage_lines_name_the_tool_faultlab(string command, string usage)
    {
        var (exit, output, _) = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:\n  " + usage, output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("FaultLab.Cli", output);
    }

    [Fact]
    public async Task Help_states_each_default_once()
    {
        var (_, output, _) = await CliRun.RunAsync("demo", "--help");

        Assert.DoesNotContain("(default", output);
        Assert.Single(output.Split('\n'), l => l.Contains("--duration", StringComparison.Ordinal) && l.Contains("[default: 30]", StringComparison.Ordinal));
        Assert.Single(output.Split('\n'), l => l.Contains("--rate", StringComparison.Ordinal) && l.Contains("[default: 20]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_lines_report_elapsed_rate_success_and_p99_every_interval()
    {
        var time = new FakeTimeProvider();
        var output = new StringWriter();
        var progress = new ProgressLines(output, time, TimeSpan.FromSeconds(5));
        var step = progress.Track<int>("bare", iteration =>
        {
            time.Advance(TimeSpan.FromMilliseconds(iteration == 9 ? 400 : 10)); // the tenth call is the slow one
            return Task.FromResult(iteration % 5 == 0 ? Response.Fail(503) : Response.Ok(200));
        });
        for (int i = 0; i < 10; i++)
        {
            await step(i);
        }

        Assert.Equal(string.Empty, output.ToString()); // 0.49 s of fake time: no tick yet
        time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(490));

        Assert.Equal("progress    5 s  bare: 10 calls, 2.0/s, success 80.0 %, p99 400 ms", output.ToString().Trim());
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, output.ToString().Trim().Split('\n').Length);
    }

    [Fact]
    public void Run_reports_are_named_after_the_experiment()
    {
        Assert.Equal("retry-through-503s", RunCommand.ReportName("examples/retry-through-503s.json"));
        Assert.Equal("checkout", RunCommand.ReportName("/tmp/x/checkout.experiment".Replace(".experiment", ".json", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_default_report_folder_is_ignored_by_git_and_a_chosen_one_is_left_alone()
    {
        string repo = CliRun.TempFolder();
        Git(repo, "init", "-q");

        string folder = ReportFolder.Resolve(requested: null, repo);
        File.WriteAllText(Path.Combine(folder, "faultlab-demo.html"), "<html></html>");
        string chosen = ReportFolder.Resolve(Path.Combine(repo, "mine"), repo);

        Assert.Equal(Path.Combine(repo, "faultlab-report"), folder);
        Assert.Equal(string.Empty, Git(repo, "status", "--porcelain", "--untracked-files=all"));
        Assert.Equal(Path.Combine(repo, "mine"), chosen);
        Assert.False(Directory.Exists(chosen)); // created by the report writer, with no .gitignore of ours
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        string output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, git.StandardError.ReadToEnd());
        return output.Trim();
    }
}
