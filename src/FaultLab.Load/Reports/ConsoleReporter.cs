using System.Globalization;
using Spectre.Console;

namespace FaultLab.Load;

/// <summary>Live progress while running (interactive consoles only) and a summary at the end.</summary>
internal static class ConsoleReporter
{
    /// <summary>Auto becomes Summary when output is redirected or a CI variable is set, so logs stay clean.</summary>
    public static ConsoleOutput Resolve(ConsoleOutput requested)
    {
        if (requested != ConsoleOutput.Auto)
        {
            return requested;
        }

        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"));
        return Console.IsOutputRedirected || ci ? ConsoleOutput.Summary : ConsoleOutput.Live;
    }

    public static async Task ShowProgressAsync(IReadOnlyList<ScenarioRunner> runners, Task running)
    {
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = runners.Select(r => (Runner: r, Task: ctx.AddTask(Markup.Escape(r.Name), maxValue: 1))).ToList();
                while (!running.IsCompleted)
                {
                    foreach (var (runner, task) in tasks)
                    {
                        Update(runner, task);
                    }

                    await Task.WhenAny(running, Task.Delay(250)).ConfigureAwait(false);
                }
                foreach (var (runner, task) in tasks)
                {
                    Update(runner, task);
                    task.Value = task.MaxValue;
                }
            }).ConfigureAwait(false);
    }

    private static void Update(ScenarioRunner runner, ProgressTask task)
    {
        var elapsed = runner.Elapsed.TotalSeconds;
        if (runner.PlannedDuration is { } planned && planned > TimeSpan.Zero)
        {
            task.Value = Math.Min(elapsed / planned.TotalSeconds, 1);
        }
        else
        {
            task.IsIndeterminate = true;
        }

        task.Description = Markup.Escape(string.Format(CultureInfo.InvariantCulture,
            "{0} [{1}] ok {2} fail {3} dropped {4}", runner.Name, runner.Phase, runner.Ok, runner.Fail, runner.Dropped));
    }

    public static void PrintSummary(LoadTestResult result)
    {
        foreach (var scenario in result.Scenarios)
        {
            AnsiConsole.Write(new Rule(Markup.Escape($"scenario {scenario.Name}: {(scenario.Passed ? "passed" : "FAILED")}")).LeftJustified());
            foreach (var section in ReportTables.For(scenario))
            {
                var table = new Table().Title(Markup.Escape(section.Title)).Border(TableBorder.Rounded);
                foreach (var column in section.Columns)
                {
                    table.AddColumn(Markup.Escape(column));
                }

                foreach (var row in section.Rows)
                {
                    table.AddRow(row.Select(c => Markup.Escape(c)).ToArray());
                }

                AnsiConsole.Write(table);
            }
        }
        foreach (var file in result.ReportFiles)
        {
            AnsiConsole.MarkupLine("report: " + Markup.Escape(file));
        }
    }
}
