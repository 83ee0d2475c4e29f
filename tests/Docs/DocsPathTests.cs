using System.Text.RegularExpressions;

namespace FaultLab.Docs.Tests;

/// <summary>Docs cite only what ships: every relative link and every repository path a page names exists in the repository.</summary>
public sealed partial class DocsPathTests
{
    public static TheoryData<string> PageNames()
    {
        var data = new TheoryData<string>();
        foreach (var (page, _) in Pages.Files())
        {
            data.Add(page);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Every_path_the_page_names_exists(string page)
    {
        string path = Path.Combine(Pages.RepoRoot, page);
        string text = File.ReadAllText(path);
        string folder = Path.GetDirectoryName(path)!;
        var missing = new List<string>();
        foreach (Match link in Link().Matches(text))
        {
            string target = link.Groups["target"].Value.Split('#')[0];
            if (target.Length > 0 && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal)
                && !Exists(Path.Combine(folder, target)))
            {
                missing.Add($"{page}({Line(text, link.Index)}): link to '{target}', which does not exist");
            }
        }

        foreach (Match cited in RepoPath().Matches(text))
        {
            string target = cited.Groups["path"].Value.TrimEnd('.', ',', ':', ')');
            if (!Regex.IsMatch(target, @"[<>*{}…]") && !Exists(Path.Combine(Pages.RepoRoot, target)))
            {
                missing.Add($"{page}({Line(text, cited.Index)}): names '{target}', which is not in the repository");
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    private static bool Exists(string path) =>
        File.Exists(path) || Directory.Exists(path);

    private static int Line(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    // A path into the repository's top-level folders, as written in prose or code: src/FaultLab/..., shared/design/...
    [GeneratedRegex(@"(?<![\w./-])(?<path>(?:src|tests|docs|examples|samples|benchmarks|scripts|shared|\.ci)/[\w./<>*{}…-]*)")]
    private static partial Regex RepoPath();
}
