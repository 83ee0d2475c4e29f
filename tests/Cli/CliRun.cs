namespace FaultLab.Cli.Tests;

/// <summary>Runs the CLI in-process with captured, non-interactive output.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await CliApp.RunAsync(args, new CliConsole(output, error, verbose: args.Contains("--verbose"), interactive: false));
        return (exit, output.ToString(), error.ToString());
    }

    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    public static string TempFile(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"faultlab-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    public static string TempFolder() => Directory.CreateTempSubdirectory("faultlab-cli-").FullName;
}
