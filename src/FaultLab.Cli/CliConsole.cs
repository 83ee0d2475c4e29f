using FaultLab.Cli.Experiments;

namespace FaultLab.Cli;

/// <summary>Where the CLI writes, and how it turns failures into one clear line and an exit code.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool verbose, bool interactive)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public bool Verbose { get; } = verbose;

    /// <summary>Gets a value indicating whether live widgets and colour may be used (not when redirected or in CI).</summary>
    public bool Interactive { get; } = interactive;

    public static CliConsole System(bool verbose) => new(Console.Out, Console.Error, verbose,
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null);

    public int Guard(Func<int> action) => Guard(() => Task.FromResult(action())).GetAwaiter().GetResult();

    public async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (InputException ex)
        {
            Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is ArgumentException or HttpRequestException or IOException)
        {
            Error.WriteLine($"error: {ex.Message}");
            if (Verbose)
            {
                Error.WriteLine(ex);
            }

            return ExitCodes.BadInput;
        }
    }
}

/// <summary>The CLI's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>run</c>, the hypothesis held.</summary>
    public const int Ok = 0;

    /// <summary>The hypothesis did not hold.</summary>
    public const int HypothesisFailed = 1;

    /// <summary>Bad input: missing file, invalid JSON or profile, unreachable target.</summary>
    public const int BadInput = 2;
}
