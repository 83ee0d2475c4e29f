namespace FaultLab.Cli.Output;

/// <summary>
/// Where <c>demo</c> and <c>run</c> write their reports. The default, <c>./faultlab-report</c>, holds a
/// <c>.gitignore</c> of <c>*</c> (as pytest and mypy do with their caches), so running the tool inside a repository
/// never leaves an untracked folder behind; a folder named with <c>--report</c> is left as the user made it.
/// </summary>
internal static class ReportFolder
{
    public const string DefaultName = "faultlab-report";

    public const string Description =
        "Folder for the reports. Without it: ./" + DefaultName + ", which git ignores (it holds a .gitignore of '*').";

    public static string Resolve(string? requested) => Resolve(requested, Environment.CurrentDirectory);

    public static string Resolve(string? requested, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return requested;
        }

        string folder = Path.Combine(workingDirectory, DefaultName);
        Directory.CreateDirectory(folder);
        string ignore = Path.Combine(folder, ".gitignore");
        if (!File.Exists(ignore))
        {
            File.WriteAllText(ignore, "# Written by faultlab: local run reports are not source. Delete this file to commit them.\n*\n");
        }

        return folder;
    }
}
