namespace FaultLab.Docs.Tests;

/// <summary>README.md, every Markdown page under docs/ and each package's README, read from the repository the tests were built from.</summary>
public static class Pages
{
    private static readonly Lazy<IReadOnlyList<CodeBlock>> All = new(() => Files().SelectMany(f => CodeBlock.Parse(f.Page, File.ReadAllText(f.Path))).ToList());

    public static string RepoRoot { get; } = FindRoot();

    public static IEnumerable<CodeBlock> Blocks() => All.Value;

    public static IEnumerable<(string Page, string Path)> Files()
    {
        yield return ("README.md", Path.Combine(RepoRoot, "README.md"));
        foreach (string path in Directory.GetFiles(Path.Combine(RepoRoot, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetRelativePath(RepoRoot, path).Replace('\\', '/'), path);
        }

        // Each package's README (shipped inside its .nupkg) is documentation too.
        foreach (string path in Directory.GetFiles(Path.Combine(RepoRoot, "src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetRelativePath(RepoRoot, path).Replace('\\', '/'), path);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FaultLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above " + AppContext.BaseDirectory);
    }
}
