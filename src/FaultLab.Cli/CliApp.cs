using System.CommandLine;
using FaultLab.Cli.Commands;

namespace FaultLab.Cli;

/// <summary>The <c>faultlab</c> command tree; runnable in-process for tests.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces on errors.", Recursive = true };
        var root = new RootCommand("FaultLab: prove your HttpClient resilience works while faults fire.")
        {
            DemoCommand.Create(console),
            RunCommand.Create(console),
            ValidateCommand.Create(console),
            ProxyCommand.Create(console),
            ReportCommand.Create(console),
            MatrixCommand.Create(console),
            ProfileCommand.Create(console),
        };
        root.Options.Add(verbose);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }

            console.Error.WriteLine("Run 'faultlab --help' for usage.");
            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken).ConfigureAwait(false);
    }
}
