using System.Text.Json;
using System.Text.RegularExpressions;

namespace FaultLab.Docs.Tests;

/// <summary>
/// Every Stryker configuration the repository ships is one Stryker accepts: a broken one fails only when someone runs
/// mutation testing (or, for the CI gate, at the end of a CI run), so its rules are checked here with the fast tests.
/// </summary>
public sealed partial class StrykerConfigTests
{
    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(Pages.RepoRoot, "src"), "stryker*.json", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Pages.RepoRoot, path));
        }

        return data;
    }

    [Fact]
    public void Every_package_has_a_configuration()
    {
        var packages = Directory.GetFiles(Path.Combine(Pages.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetDirectoryName(p)!)
            .Where(dir => !File.Exists(Path.Combine(dir, "stryker-config.json")))
            .Select(dir => Path.GetRelativePath(Pages.RepoRoot, dir));
        Assert.Empty(packages);
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Configuration_is_one_stryker_accepts(string config)
    {
        string path = Path.Combine(Pages.RepoRoot, config);
        string folder = Path.GetDirectoryName(path)!;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement.GetProperty("stryker-config");
        var problems = new List<string>();

        string project = root.GetProperty("project").GetString()!;
        if (!File.Exists(Path.Combine(folder, project)))
        {
            problems.Add($"project '{project}' does not exist beside it");
        }

        foreach (JsonElement testProject in root.GetProperty("test-projects").EnumerateArray())
        {
            if (!File.Exists(Path.Combine(folder, testProject.GetString()!)))
            {
                problems.Add($"test project '{testProject.GetString()}' does not exist");
            }
        }

        if (root.TryGetProperty("mutate", out JsonElement mutate))
        {
            string[] sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(folder, p).Replace(Path.DirectorySeparatorChar, '/'))
                .ToArray();
            foreach (JsonElement pattern in mutate.EnumerateArray())
            {
                string glob = pattern.GetString()!.TrimStart('!');
                Regex matcher = Glob(glob);
                if (!sources.Any(source => matcher.IsMatch(source)))
                {
                    problems.Add($"mutate pattern '{glob}' matches no source file");
                }
            }
        }

        // A filter on a trait nobody declares excludes nothing, silently (the slow tests then run against every mutant).
        if (root.TryGetProperty("test-case-filter", out JsonElement filter))
        {
            string[] tests = root.GetProperty("test-projects").EnumerateArray()
                .Select(t => Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, t.GetString()!)))!)
                .Where(Directory.Exists)
                .SelectMany(dir => Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories))
                .Select(File.ReadAllText)
                .ToArray();
            foreach (Match trait in TraitCondition().Matches(filter.GetString()!))
            {
                string declared = $"[Trait(\"{trait.Groups["name"].Value}\", \"{trait.Groups["value"].Value}\")]";
                if (!tests.Any(source => source.Contains(declared, StringComparison.Ordinal)))
                {
                    problems.Add($"test-case-filter '{trait.Value}': no test declares {declared}");
                }
            }
        }

        // ConfigureAwait(false) -> (true) only changes where a continuation resumes, which no result shows without a
        // single-threaded synchronization context (a UI's), so every configuration leaves those mutants out alike: one
        // that did not would report a lower score for the same tests.
        bool ignoresConfigureAwait = root.TryGetProperty("ignore-methods", out JsonElement ignored)
            && ignored.EnumerateArray().Any(m => m.GetString() == "ConfigureAwait");
        if (!ignoresConfigureAwait)
        {
            problems.Add("ignore-methods must list \"ConfigureAwait\", as every configuration does");
        }

        // Stryker refuses to start unless 0 <= break <= low <= high <= 100 ("Threshold low must be more than or equal to threshold break").
        JsonElement thresholds = root.GetProperty("thresholds");
        int high = thresholds.GetProperty("high").GetInt32();
        int low = thresholds.GetProperty("low").GetInt32();
        int @break = thresholds.GetProperty("break").GetInt32();
        if (!(0 <= @break && @break <= low && low <= high && high <= 100))
        {
            problems.Add($"thresholds must satisfy 0 <= break <= low <= high <= 100; they are break {@break}, low {low}, high {high}");
        }

        Assert.True(problems.Count == 0, $"{config}: " + string.Join("; ", problems));
    }

    [Fact]
    public void The_ci_gate_breaks_where_the_docs_say()
    {
        string config = File.ReadAllText(Path.Combine(Pages.RepoRoot, "src", "FaultLab", "stryker-ci.json"));
        using var document = JsonDocument.Parse(config);
        int @break = document.RootElement.GetProperty("stryker-config").GetProperty("thresholds").GetProperty("break").GetInt32();

        string quality = File.ReadAllText(Path.Combine(Pages.RepoRoot, "docs", "quality.md"));
        Match stated = BreakStatement().Match(quality);
        Assert.True(stated.Success, "docs/quality.md does not state the CI gate's break");
        Assert.Equal(@break, int.Parse(stated.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

        string ci = File.ReadAllText(Path.Combine(Pages.RepoRoot, ".ci", "run"));
        Assert.Contains("--config-file stryker-ci.json", ci, StringComparison.Ordinal);
    }

    private static Regex Glob(string glob)
    {
        string pattern = Regex.Escape(glob)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>A condition on a trait (<c>Category!=EndToEnd</c>), not on a test's name.</summary>
    [GeneratedRegex(@"\b(?!(?:FullyQualifiedName|Name|DisplayName|ClassName)\b)(?<name>\w+)\s*!?[=~]\s*(?<value>[\w.]+)")]
    private static partial Regex TraitCondition();

    [GeneratedRegex(@"below its `break`, \*\*(?<value>\d+) %\*\*")]
    private static partial Regex BreakStatement();
}
