using System.CommandLine;
using System.CommandLine.Help;
using FaultLab.Cli.Commands;

namespace FaultLab.Cli;

/// <summary>The <c>faultlab</c> command tree; runnable in-process for tests.</summary>
internal static class CliApp
{
    /// <summary>The tool's command name, used in usage lines whatever the assembly or shim is called.</summary>
    public const string Name = "faultlab";

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Create(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }

            console.Error.WriteLine($"Run '{Name} --help' for usage.");
            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The root is a plain command named <c>faultlab</c>: a <see cref="RootCommand"/> takes its name from the process
    /// (<c>FaultLab.Cli</c> under <c>dotnet run</c> and the tool shim), so usage lines would show a name nobody types.
    /// </summary>
    private static Command Create(CliConsole console)
    {
        var root = new Command(Name, "FaultLab: prove your HttpClient resilience works while faults fire.")
        {
            DemoCommand.Create(console),
            RunCommand.Create(console),
            ValidateCommand.Create(console),
            ProxyCommand.Create(console),
            ReportCommand.Create(console),
            MatrixCommand.Create(console),
            ProfileCommand.Create(console),
        };
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(new Option<bool>("--verbose") { Description = "Show stack traces on errors.", Recursive = true });

        // A bare 'faultlab' is someone finding out what the tool does: show the help, successfully.
        root.SetAction(parse => new HelpAction().Invoke(parse));
        return root;
    }
}
