namespace FaultLab.Docs.Tests;

/// <summary>README.md, every Markdown page under docs/ and each package's README, read from the repository the tests were built from.</summary>
public static class Pages
{
    private static readonly Lazy<IReadOnlyList<CodeBlock>> All = new(() => Files().SelectMany(f => CodeBlock.Parse(f.Page, File.ReadAllText(f.Path))).ToList());

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>
    /// Pages that landed from branches still in progress before their blocks declared what they assume
    /// (docs/code-blocks.md). Not checked until their owners remove them from this list; keep it short.
    /// </summary>
    public static IReadOnlySet<string> Pending { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "docs/from-nbomber.md", "docs/fault-packs.md", "docs/contract-drift.md", "docs/verdicts.md",
    };

    public static IEnumerable<CodeBlock> Blocks() => All.Value.Where(b => !Pending.Contains(b.Page));

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
